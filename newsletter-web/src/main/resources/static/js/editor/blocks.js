// The blocks of one language variant as a list of cards: add, edit in place, move up and down or
// drag (SortableJS), duplicate, save as a saved block, delete. The list is written as the JSON of
// the contract (docs/blocks.md) into the variant's hidden field after each change.

import { lineEditor, richEditor, richHtml } from './fields.js';

const texts = document.getElementById('editor-texts')?.dataset ?? {};

// what a new block holds: the required choices made, the words left to the coordinator
const NEW_BLOCKS = {
  heading: () => ({ type: 'heading', text: '', level: 2 }),
  text: () => ({ type: 'text', html: '' }),
  image: () => ({ type: 'image', mediaId: '', alt: '' }),
  button: () => ({ type: 'button', label: '', url: '' }),
  divider: () => ({ type: 'divider' }),
  columns: () => ({ type: 'columns', left: [], right: [] }),
  event: () => ({ type: 'event', title: '', startsAt: '' }),
  training: () => ({ type: 'training', title: '' }),
  news: () => ({ type: 'news', html: '' }),
  survey: () => ({ type: 'survey', title: '', url: '' }),
  markdown: () => ({ type: 'markdown', body: '' })
};

/** A deep copy of a block's JSON. */
export function copyOf(block) {
  return JSON.parse(JSON.stringify(block));
}

/**
 * The cards of one list of blocks: a variant's, or a column of a « Deux colonnes » block.
 * {@code editor} gives the services every card needs: changed(), openPicker(quill, lang),
 * media, saved, lang.
 */
export class BlockList {

  constructor(element, editor, { nested = false } = {}) {
    this.element = element;
    this.editor = editor;
    this.nested = nested;
    this.cards = document.createElement('div');
    this.cards.className = 'block-cards';
    element.append(this.cards);
    element.append(this.addMenu());
    window.Sortable?.create(this.cards, {
      handle: '.block-handle',
      draggable: '.block-card',
      // mouse events rather than the browser's drag and drop: the same on every browser
      forceFallback: true,
      fallbackOnBody: true,
      animation: 150,
      // each list keeps its own blocks: a column block cannot go into a column
      group: { name: 'blocks-' + Math.random().toString(36).slice(2), pull: false, put: false },
      onEnd: event => {
        if (event.oldIndex !== event.newIndex) {
          this.changed();
        }
      }
    });
  }

  addMenu() {
    const menu = document.getElementById('add-menu').content.firstElementChild.cloneNode(true);
    if (this.nested) {
      menu.querySelector('[data-add=columns]')?.remove();
    }
    menu.addEventListener('click', event => {
      const button = event.target.closest('button[data-add]');
      if (!button) {
        return;
      }
      menu.open = false;
      if (button.dataset.add === 'saved') {
        this.editor.saved.choose(this.nested, block => this.add(block, null, true));
      }
      else {
        this.add(NEW_BLOCKS[button.dataset.add](), null, true);
      }
    });
    return menu;
  }

  /** Replaces the cards by these blocks (JSON). */
  load(blocks) {
    this.cards.replaceChildren();
    for (const block of blocks ?? []) {
      this.add(block, null, false);
    }
    this.renumber();
  }

  /**
   * Adds a card for this block after {@code after} (at the end when null).
   * @param focus whether the new card takes the focus (the coordinator just added it)
   */
  add(block, after, focus) {
    const card = new BlockCard(this, block);
    if (after) {
      after.element.after(card.element);
    }
    else {
      this.cards.append(card.element);
    }
    if (focus) {
      this.changed();
      card.focus();
    }
    return card;
  }

  /** The JSON of the blocks, in the order of the cards. */
  toJson() {
    return [...this.cards.children].map(element => element.card.toJson());
  }

  /** Numbers the cards (1, 2…) and gives each its path as the server names it: 3, 3.left.1. */
  renumber(prefix = '') {
    [...this.cards.children].forEach((element, i) => {
      const path = prefix + (i + 1);
      element.dataset.path = path;
      element.querySelector(':scope > .card-header .block-number').textContent = String(i + 1);
      element.card.renumberChildren(path);
    });
  }

  changed() {
    this.editor.changed();
  }
}

/** One block: its header (number, type, actions) and its form. */
class BlockCard {

  constructor(list, block) {
    this.list = list;
    this.block = copyOf(block);
    this.editors = {};
    this.columns = {};
    this.element = document.getElementById('block-card').content.firstElementChild.cloneNode(true);
    this.element.card = this;
    this.element.dataset.type = this.block.type;
    const form = document.getElementById('block-form-' + this.block.type);
    this.element.querySelector('.block-title').textContent = form?.dataset.title ?? this.block.type;
    const body = this.element.querySelector('.block-form');
    if (form) {
      body.append(form.content.cloneNode(true));
      this.bind(body);
    }
    else {
      // a type this page does not know (saved by a later version): kept as it is
      body.textContent = JSON.stringify(this.block);
    }
    this.element.querySelector('.block-actions').addEventListener('click', event => {
      const button = event.target.closest('button[data-action]');
      if (button) {
        this[button.dataset.action](button);
      }
    });
    this.check();
  }

  get lang() {
    return this.list.editor.lang;
  }

  bind(body) {
    for (const field of body.querySelectorAll('[data-field]')) {
      const name = field.dataset.field;
      const kind = field.dataset.kind;
      if (kind === 'line') {
        this.editors[name] = lineEditor(field, this.block[name] ?? '', text => this.set(name, text));
        this.addPicker(field, this.editors[name]);
      }
      else if (kind === 'rich') {
        field.dataset.pickerLabel = this.list.editor.pickerLabel;
        const quill = richEditor(field, this.block[name] ?? '', q => this.list.editor.openPicker(q, this.lang));
        quill.on('text-change', (_d, _o, source) => {
          if (source !== 'silent') {
            this.set(name, richHtml(quill));
          }
        });
        this.editors[name] = quill;
      }
      else if (kind === 'media') {
        this.list.editor.media.bind(field, this);
      }
      else if (field.classList.contains('block-list')) {
        // columns: nothing to bind here
      }
      else {
        field.value = this.block[name] ?? field.value ?? '';
        if (name === 'level') {
          field.value = String(this.block.level ?? 2);
        }
        field.addEventListener('input', () => this.set(name, name === 'level' ? Number(field.value) : field.value));
        field.addEventListener('change', () => this.set(name, name === 'level' ? Number(field.value) : field.value));
      }
    }
    for (const column of body.querySelectorAll('.block-list[data-column]')) {
      const side = column.dataset.column;
      const nested = new BlockList(column, this.list.editor, { nested: true });
      nested.load(this.block[side] ?? []);
      this.columns[side] = nested;
    }
    for (const snippet of body.querySelectorAll('button[data-snippet]')) {
      snippet.addEventListener('click', () => this.insertSnippet(snippet.dataset.snippet, body.querySelector('textarea')));
    }
  }

  /** A « Champ personnalisé » button beside a single-line field of the card. */
  addPicker(field, quill) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-sm btn-outline-primary merge-field-inline';
    button.textContent = '+';
    button.title = this.list.editor.pickerLabel;
    button.setAttribute('aria-label', this.list.editor.pickerLabel);
    button.addEventListener('click', () => this.list.editor.openPicker(quill, this.lang));
    field.parentElement.append(button);
  }

  set(name, value) {
    if (this.block[name] === value) {
      return;
    }
    this.block[name] = value;
    this.check();
    this.list.changed();
  }

  /** Marks what is missing on the card itself, before the server says so. */
  check() {
    let problem = null;
    for (const field of this.own('[data-required]')) {
      const name = field.dataset.field;
      const value = String(this.block[name] ?? '').replace(/<[^>]*>/g, '').trim();
      const missing = value === '';
      field.classList.toggle('is-invalid', missing && this.touched);
      if (missing && !problem) {
        problem = name === 'alt' ? texts.altMissing : texts.required;
      }
    }
    if (this.block.type === 'image') {
      if (!this.block.mediaId) {
        problem = texts.imageMissing;
      }
      const alt = this.own('[data-field=alt]')[0];
      // alt text is required: said at once, whatever the coordinator did first
      alt?.classList.toggle('is-invalid', !!this.block.mediaId && !String(this.block.alt ?? '').trim());
      if (this.block.mediaId && !String(this.block.alt ?? '').trim()) {
        problem = texts.altMissing;
      }
    }
    this.showProblem(problem && (this.touched || this.block.type === 'image') ? problem : null, !!problem);
  }

  /** The elements of this card's own form, not those of the cards in its columns. */
  own(selector) {
    return [...this.element.querySelectorAll(':scope > .block-form ' + selector)]
      .filter(element => element.closest('.block-card') === this.element);
  }

  showProblem(message, incomplete) {
    const box = this.element.querySelector(':scope > .block-problem');
    box.textContent = message ?? '';
    box.hidden = !message;
    this.element.classList.toggle('block-incomplete', !!incomplete);
  }

  /** The server's word on a field of this card (a refused save, the live preview). */
  showServerProblem(field, message, reveal) {
    this.touched = true;
    const target = field ? this.own(`[data-field="${field}"]`)[0] : null;
    target?.classList.add('is-invalid');
    this.showProblem(message, true);
    this.element.classList.add('block-refused');
    if (reveal) {
      this.element.scrollIntoView({ block: 'center' });
    }
  }

  /** A word of success on the card (a saved block), gone after a while. */
  notice(message) {
    let notice = this.element.querySelector(':scope > .block-notice');
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'block-notice small text-success px-2 pb-2';
      notice.setAttribute('role', 'status');
      this.element.append(notice);
    }
    notice.textContent = message;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => notice.remove(), 6000);
  }

  clearServerProblem() {
    this.element.classList.remove('block-refused');
    this.check();
  }

  // What is missing is not said when the focus leaves a new card: the card would grow under the
  // pointer of a coordinator clicking the next button. The live preview says it a moment later.
  focus() {
    this.touched = false;
    const first = this.element.querySelector('.block-form .ql-editor, .block-form input:not([type=file]), .block-form textarea');
    this.element.scrollIntoView({ block: 'nearest' });
    first?.focus();
  }

  toJson() {
    const json = copyOf(this.block);
    for (const [side, list] of Object.entries(this.columns)) {
      json[side] = list.toJson();
    }
    return json;
  }

  renumberChildren(path) {
    for (const [side, list] of Object.entries(this.columns)) {
      list.renumber(path + '.' + side + '.');
    }
  }

  up(button) {
    const previous = this.element.previousElementSibling;
    if (previous) {
      previous.before(this.element);
      this.moved(button);
    }
  }

  down(button) {
    const next = this.element.nextElementSibling;
    if (next) {
      next.after(this.element);
      this.moved(button);
    }
  }

  moved(button) {
    this.list.changed();
    button.focus();
    this.element.scrollIntoView({ block: 'nearest' });
  }

  duplicate() {
    this.list.add(this.toJson(), this, true);
  }

  save() {
    this.list.editor.saved.save(this.toJson(), this);
  }

  delete() {
    const empty = JSON.stringify(this.toJson()) === JSON.stringify(NEW_BLOCKS[this.block.type]?.());
    if (!empty && !window.confirm(texts.confirmDelete)) {
      return;
    }
    this.element.remove();
    this.list.changed();
  }

  insertSnippet(name, textarea) {
    if (name === 'field') {
      this.list.editor.openPicker(null, this.lang, expr => this.insertText(textarea, expr));
      return;
    }
    const snippet = MARKDOWN_SNIPPETS[this.lang]?.[name] ?? MARKDOWN_SNIPPETS.fr[name];
    const before = textarea.value.substring(0, textarea.selectionStart ?? textarea.value.length);
    this.insertText(textarea, (before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n') + snippet);
  }

  insertText(textarea, text) {
    const at = textarea.selectionStart ?? textarea.value.length;
    textarea.setRangeText(text, at, textarea.selectionEnd ?? at, 'end');
    textarea.focus();
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

// The :::fence snippets of the Markdown block, as the editor offered them before blocks.
const MARKDOWN_SNIPPETS = {
  fr: {
    evenement: ':::evenement Titre de l’événement\n**Date** : jeudi 5 décembre, 17 h  \n**Lieu** : Saguenay\n\nQuelques mots sur l’événement. [S’inscrire](https://exemple.ca/inscription)\n:::\n',
    formation: ':::formation Titre de la formation\n**Quand** : …  \n**Durée** : …\n\nCe que l’on y apprend. [Détails et inscription](https://exemple.ca/formation)\n:::\n',
    nouvelles: ':::nouvelles Nouvelles des membres\n- **Entreprise** : la nouvelle en une phrase.\n- **Entreprise** : la nouvelle en une phrase.\n:::\n',
    sondage: ':::sondage Votre avis compte\nUne question en une phrase ?\n\n[Répondre au sondage](https://exemple.ca/sondage)\n:::\n'
  },
  en: {
    evenement: ':::event Event title\n**Date**: Thursday, December 5, 5 p.m.  \n**Place**: Saguenay\n\nA few words about the event. [Register](https://exemple.ca/register)\n:::\n',
    formation: ':::training Training title\n**When**: …  \n**Length**: …\n\nWhat you will learn. [Details and registration](https://exemple.ca/training)\n:::\n',
    nouvelles: ':::news Member news\n- **Company**: the news in one sentence.\n- **Company**: the news in one sentence.\n:::\n',
    sondage: ':::survey Your opinion matters\nOne question in one sentence?\n\n[Answer the survey](https://exemple.ca/survey)\n:::\n'
  }
};
