// The editor of an issue: the language tabs, the subject and preheader with their merge fields, the
// blocks of each variant (editor/blocks.js), the media library, saved blocks, and the live preview
// (htmx posts the form as the coordinator types). Loaded as files: the admin's
// Content-Security-Policy runs no inline script.

import { BlockList, copyOf } from './editor/blocks.js';
import { insertChip, interpolation, lineEditor, mergeFields, setLine } from './editor/fields.js';
import { MediaLibrary } from './editor/media.js';
import { SavedBlocks } from './editor/saved.js';

const form = document.getElementById('editor-form');
const texts = document.getElementById('editor-texts').dataset;
const pickerLabel = document.querySelector('.merge-field-button')?.textContent.trim() ?? '';

// what a same-origin call of the admin carries: its session's CSRF token, and that it is a script
function headers() {
  return {
    'X-CSRF-TOKEN': form.querySelector('input[name=_csrf]')?.value ?? '',
    'X-Requested-With': 'XMLHttpRequest',
    Accept: 'application/json'
  };
}

const media = new MediaLibrary({ one: form.dataset.media, list: form.dataset.mediaList, upload: form.dataset.mediaUpload },
  headers);
const saved = new SavedBlocks(form.dataset.savedBlocks, headers);

// --- the live preview follows every change, a moment after the last one (htmx adds its own delay)

const pending = new Set();
let timer;

function notify(input) {
  pending.add(input);
  clearTimeout(timer);
  timer = setTimeout(flush, 120);
}

/** Writes what changed into the hidden fields and tells the form, which refreshes the preview. */
function flush() {
  clearTimeout(timer);
  for (const input of pending) {
    if (input.blockList) {
      input.value = JSON.stringify(input.blockList.toJson());
      input.blockList.renumber();
    }
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  pending.clear();
}

// a save, a test or a preview request takes what was typed up to the last key
form.addEventListener('submit', flush, true);
form.addEventListener('htmx:configRequest', event => {
  flush();
  for (const name of ['frBlocks', 'enBlocks', 'frSubject', 'enSubject', 'frPreheader', 'enPreheader']) {
    const value = form.elements[name]?.value;
    if (value !== undefined) {
      event.detail.parameters[name] = value;
    }
  }
});

// --- merge fields: the picker dialog

const dialog = document.getElementById('merge-field-dialog');
const choice = document.getElementById('merge-field-choice');
const fallback = document.getElementById('merge-field-fallback');
choice.append(document.getElementById('merge-field-options').content.cloneNode(true));
let pickerLang = 'fr';
let pickerDone = null;

function defaultFallback() {
  const field = mergeFields.get(choice.value);
  fallback.value = field ? (pickerLang === 'en' ? field.fallbackEn : field.fallbackFr) : '';
}
choice.addEventListener('change', defaultFallback);

/**
 * Opens the « Champ personnalisé » picker; what is chosen goes into {@code quill} as a chip, or to
 * {@code insertText} as the interpolation (a Markdown block).
 */
function openPicker(quill, lang, insertText) {
  pickerLang = lang;
  choice.selectedIndex = 0;
  defaultFallback();
  pickerDone = expr => quill ? insertChip(quill, expr) : insertText(expr);
  dialog.returnValue = '';
  dialog.showModal();
  choice.focus();
}

dialog.addEventListener('close', () => {
  if (dialog.returnValue === 'insert' && pickerDone) {
    pickerDone(interpolation(choice.value, fallback.value.trim()));
  }
  pickerDone = null;
});

// --- each variant: subject, preheader and blocks

const lists = {};
for (const variant of document.querySelectorAll('.variant')) {
  const lang = variant.dataset.lang;
  for (const line of variant.querySelectorAll('.chip-line[data-input]')) {
    const input = document.getElementById(line.dataset.input);
    lineEditor(line, input.value, text => {
      input.value = text;
      notify(input);
    });
  }
  const input = document.getElementById(lang + 'Blocks');
  const list = new BlockList(document.getElementById('blocks-' + lang), {
    lang,
    media,
    saved,
    pickerLabel,
    openPicker,
    // numbered at once (the cards' paths name them), written a moment later
    changed: () => {
      list.renumber();
      notify(input);
    }
  });
  list.load(readBlocks(input.value));
  input.blockList = list;
  lists[lang] = list;
}

function readBlocks(json) {
  try {
    return JSON.parse(json || '[]');
  }
  catch (error) {
    return [];
  }
}

for (const button of document.querySelectorAll('.merge-field-button[data-target]')) {
  button.addEventListener('click', () => {
    const line = document.getElementById(button.dataset.target);
    openPicker(line.quill, line.dataset.lang);
  });
}

// « Copier le français »: the English version starts from a copy of the French blocks (and of the
// subject and preheader, when the English ones are still empty), to translate in place
document.getElementById('copy-french')?.addEventListener('click', () => {
  const english = lists.en.toJson();
  if (english.length > 0 && !window.confirm(texts.confirmCopy)) {
    return;
  }
  for (const field of ['Subject', 'Preheader']) {
    const target = document.getElementById('en' + field);
    if (!target.value.trim()) {
      target.value = document.getElementById('fr' + field).value;
      setLine(document.getElementById('en' + field + '-line').quill, target.value);
      notify(target);
    }
  }
  lists.en.load(copyOf(lists.fr.toJson()));
  notify(document.getElementById('enBlocks'));
});

// --- tabs and the preview's width

function showVariant(lang) {
  document.querySelectorAll('.variant').forEach(v => {
    v.hidden = v.dataset.lang !== lang;
  });
  document.querySelectorAll('[id^=tab-]').forEach(t => t.classList.toggle('active', t.dataset.lang === lang));
  const variant = document.getElementById('variant');
  variant.value = lang;
  variant.dispatchEvent(new Event('change', { bubbles: true }));
}

function setWidth(button, mobile) {
  document.getElementById('preview-panel').classList.toggle('mobile', mobile);
  button.parentElement.querySelectorAll('button').forEach(b => b.classList.toggle('active', b === button));
}

document.querySelectorAll('[id^=tab-]').forEach(tab => tab.addEventListener('click', event => {
  event.preventDefault();
  showVariant(tab.dataset.lang);
}));
document.querySelectorAll('button[data-mobile]').forEach(button =>
  button.addEventListener('click', () => setWidth(button, button.dataset.mobile === 'true')));
if (document.getElementById('variant').value === 'en') {
  showVariant('en');
}

// --- problems with a block, from the server: on the card and the field they are about

function cardAt(lang, path) {
  return document.querySelector(`#blocks-${lang} .block-card[data-path="${path}"]`)?.card;
}

function clearServerProblems() {
  document.querySelectorAll('.block-card.block-refused').forEach(element => element.card.clearServerProblem());
}

function showBlockProblem(source, switchTab) {
  clearServerProblems();
  const { lang, path, field } = source.dataset;
  if (switchTab && lang && document.getElementById('variant-' + lang)?.hidden) {
    showVariant(lang);
  }
  // a refused save brings the card into view; while typing, the page stays where the coordinator is
  cardAt(lang, path)?.showServerProblem(field, source.dataset.message ?? source.textContent, switchTab);
}

// a refused save: the page came back with what was typed, and says which block
const refused = document.getElementById('saved-block-problem');
if (refused) {
  showBlockProblem(refused, true);
}

// While a block is half filled in, the server cannot render the issue: the preview keeps showing the
// last version it could, and the problem is said above it and on the card.
const kept = document.getElementById('preview-kept');
document.getElementById('preview-panel').addEventListener('htmx:beforeSwap', event => {
  const response = new DOMParser().parseFromString(event.detail.serverResponse ?? '', 'text/html');
  const problem = response.getElementById('preview-block-problem');
  if (!problem) {
    kept.hidden = true;
    clearServerProblems();
    return;
  }
  if (document.getElementById('live-preview')) {
    event.detail.shouldSwap = false;
    kept.hidden = false;
    document.getElementById('preview-kept-message').textContent = problem.textContent;
  }
  problem.dataset.message = problem.textContent;
  showBlockProblem(problem, false);
});
