// Merge fields as chips, and the Quill editors that show them: the rich text of a block (bold,
// italic, link, lists) and single-line fields (subject, preheader, a heading, a button's label).
// What is stored is the interpolation the templates read, ${firstName!'Membre'}; the coordinator
// sees a chip « Prénom » instead, and never that syntax.

const Quill = window.Quill;
const Embed = Quill.import('blots/embed');
const Link = Quill.import('formats/link');
const Delta = Quill.import('delta');

// ${ … } with quoted strings inside skipped, as the server's Interpolations reads them
const INTERPOLATION = /\$\{(?:[^}'"]|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")*\}/g;
// a merge field with an optional fallback: firstName, attributes.secteur, attributes['code-postal']
const MERGE_FIELD = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\['[^']*'\])?)\s*(?:!\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")?)?\s*\}$/;

const texts = document.getElementById('editor-texts')?.dataset ?? {};

/** The fields the picker offers, by expression: { label, fallbackFr, fallbackEn }. */
export const mergeFields = new Map();
for (const option of document.getElementById('merge-field-options')?.content.querySelectorAll('option') ?? []) {
  mergeFields.set(option.value, {
    label: option.textContent,
    fallbackFr: option.dataset.fallbackFr ?? '',
    fallbackEn: option.dataset.fallbackEn ?? ''
  });
}

/** What a chip shows for an interpolation: its field's label, with its fallback as a tooltip. */
export function chipOf(expr) {
  const match = MERGE_FIELD.exec(expr);
  if (!match) {
    // anything else a template may read (${issue.title}…): its name without the syntax
    return { expr, label: expr.slice(2, -1).trim(), title: '' };
  }
  const field = match[1];
  const fallback = unquote(match[2] ?? match[3] ?? '');
  const known = mergeFields.get(field);
  const label = known ? known.label : field.replace(/^attributes(\.|\[')/, '').replace(/']$/, '');
  const title = fallback ? (texts.fallback ?? '{0}').replace('{0}', fallback) : (texts.noFallback ?? '');
  return { expr, label, title };
}

/** The interpolation for a field and its fallback: ${firstName!'Membre'}. */
export function interpolation(field, fallback) {
  const quoted = fallback.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return '${' + field + "!'" + quoted + "'}";
}

function unquote(text) {
  return text.replace(/\\(.)/g, '$1');
}

class MergeFieldBlot extends Embed {
  static create(value) {
    const node = super.create();
    const chip = value.label ? value : chipOf(value.expr);
    node.dataset.expr = chip.expr;
    node.dataset.label = chip.label;
    if (chip.title) {
      node.title = chip.title;
    }
    // the Embed moves this text inside a span that cannot be edited, between two cursor guards
    node.textContent = chip.label;
    return node;
  }

  static value(node) {
    return { expr: node.dataset.expr, label: node.dataset.label };
  }
}
MergeFieldBlot.blotName = 'mergeField';
MergeFieldBlot.tagName = 'SPAN';
MergeFieldBlot.className = 'merge-chip';

// a link typed without its scheme (exemple.ca/inscription) is meant as https, not dropped
class WebLink extends Link {
  static sanitize(url) {
    const trimmed = (url ?? '').trim();
    if (trimmed && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('/') && !trimmed.startsWith('#')) {
      return super.sanitize('https://' + trimmed);
    }
    return super.sanitize(trimmed);
  }
}

Quill.register(MergeFieldBlot, true);
Quill.register(WebLink, true);

/** Text with interpolations as a Delta: words as they are, merge fields as chips (attributes kept). */
function withChips(text, attributes) {
  const delta = new Delta();
  let from = 0;
  for (const match of text.matchAll(INTERPOLATION)) {
    if (match.index > from) {
      delta.insert(text.slice(from, match.index), attributes);
    }
    delta.insert({ mergeField: chipOf(match[0]) }, attributes);
    from = match.index + match[0].length;
  }
  if (from < text.length) {
    delta.insert(text.slice(from), attributes);
  }
  return delta;
}

/** The same Delta with the interpolations of its text turned into chips. */
function chipsIn(delta) {
  let out = new Delta();
  for (const op of delta.ops) {
    out = typeof op.insert === 'string' ? out.concat(withChips(op.insert, op.attributes)) : out.concat(new Delta([op]));
  }
  return out;
}

// a browser keeps a space typed at the end of an editable line as a no-break space: a space it is
const NO_BREAK_SPACE = /\u00a0/g;

/** A Delta's text, each chip written as its interpolation. */
function plainText(delta) {
  return delta.ops.map(op => typeof op.insert === 'string' ? op.insert.replace(NO_BREAK_SPACE, ' ')
    : op.insert.mergeField?.expr ?? '').join('');
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
function escape(text) {
  return text.replace(/[&<>"]/g, c => ESCAPES[c]);
}

/**
 * The HTML of rich text from its Delta: paragraphs, <strong>, <em>, <a href>, <ul>/<ol>, chips as
 * their interpolations. Written here (not Quill's getSemanticHTML, which turns spaces into &nbsp;)
 * so that what is stored is plain, predictable HTML the server's policy keeps as it is.
 */
export function deltaToHtml(delta) {
  const lines = [];
  let inline = '';
  for (const op of delta.ops) {
    if (typeof op.insert !== 'string') {
      inline += wrap(escape(op.insert.mergeField?.expr ?? ''), op.attributes);
      continue;
    }
    const parts = op.insert.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        lines.push({ html: inline, list: op.attributes?.list });
        inline = '';
      }
      if (part) {
        inline += wrap(escape(part.replace(NO_BREAK_SPACE, ' ')), op.attributes);
      }
    });
  }
  if (inline) {
    lines.push({ html: inline });
  }
  let html = '';
  let openList = null;
  for (const line of lines) {
    const list = line.list === 'ordered' ? 'ol' : line.list ? 'ul' : null;
    if (list !== openList) {
      html += openList ? '</' + openList + '>' : '';
      html += list ? '<' + list + '>' : '';
      openList = list;
    }
    html += list ? '<li>' + line.html + '</li>' : '<p>' + (line.html || '<br>') + '</p>';
  }
  html += openList ? '</' + openList + '>' : '';
  // an editor left empty is no text at all
  return html.replace(/^(<p><br><\/p>)+$/, '');
}

function wrap(html, attributes) {
  if (!attributes) {
    return html;
  }
  let out = html;
  if (attributes.italic) {
    out = '<em>' + out + '</em>';
  }
  if (attributes.bold) {
    out = '<strong>' + out + '</strong>';
  }
  if (attributes.link) {
    out = '<a href="' + escape(attributes.link) + '">' + out + '</a>';
  }
  return out;
}

/** Remembers where the cursor was, so that the picker inserts there even after focus moved. */
function rememberSelection(quill) {
  quill.lastIndex = null;
  // editor-change: typing moves the cursor without a selection-change
  quill.on('editor-change', () => {
    const range = quill.getSelection();
    if (range) {
      quill.lastIndex = range.index + range.length;
    }
  });
}

/** Puts a chip at the cursor (or at the end) and the cursor after it. */
export function insertChip(quill, expr) {
  const length = quill.getLength();
  const at = Math.min(quill.lastIndex ?? length - 1, length - 1);
  quill.insertEmbed(at, 'mergeField', chipOf(expr), 'user');
  quill.setSelection(at + 1, 0, 'user');
}

/**
 * A single-line field with chips. {@code onChange(text)} receives the text with interpolations
 * whenever the coordinator changes it.
 */
export function lineEditor(element, value, onChange) {
  const quill = new Quill(element, {
    formats: ['mergeField'],
    modules: {
      toolbar: false,
      keyboard: { bindings: { enter: { key: 'Enter', handler: () => false } } }
    }
  });
  element.classList.add('chip-line-ready');
  quill.setContents(withChips(value ?? ''), 'silent');
  rememberSelection(quill);
  quill.on('text-change', (_delta, _old, source) => {
    if (source !== 'silent') {
      // one line: a pasted line break becomes a space
      onChange(plainText(quill.getContents()).replace(/\n+$/, '').replace(/\n/g, ' '));
    }
  });
  element.quill = quill;
  return quill;
}

/** The rich text of a block; {@code onChange(html)} receives its HTML after each change. */
export function richEditor(element, html, openPicker) {
  const quill = new Quill(element, {
    theme: 'snow',
    formats: ['bold', 'italic', 'link', 'list', 'mergeField'],
    modules: {
      toolbar: {
        container: [['bold', 'italic', 'link'], [{ list: 'bullet' }, { list: 'ordered' }], ['mergeField']],
        handlers: { mergeField: () => openPicker(quill) }
      }
    }
  });
  const button = quill.getModule('toolbar').container.querySelector('button.ql-mergeField');
  if (button) {
    button.textContent = element.dataset.pickerLabel ?? '';
    button.title = element.dataset.pickerLabel ?? '';
    button.classList.add('merge-field-tool');
  }
  quill.setContents(chipsIn(quill.clipboard.convert({ html: html ?? '' })), 'silent');
  rememberSelection(quill);
  element.quill = quill;
  return quill;
}

export function richHtml(quill) {
  return deltaToHtml(quill.getContents());
}

/** Text with interpolations → the same with its chips (for a single-line field loaded anew). */
export function setLine(quill, value) {
  quill.setContents(withChips(value ?? ''), 'silent');
}
