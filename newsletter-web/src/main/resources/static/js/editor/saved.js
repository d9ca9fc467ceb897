// Saved blocks (« Blocs enregistrés »): any block saved under a name, to insert in later issues,
// through the admin's own endpoints (/admin/editor/saved-blocks).

import { copyOf } from './blocks.js';

const texts = document.getElementById('editor-texts')?.dataset ?? {};

export class SavedBlocks {

  constructor(base, headers) {
    this.base = base;
    this.headers = headers;
    this.listDialog = document.getElementById('saved-dialog');
    this.results = document.getElementById('saved-results');
    this.nameDialog = document.getElementById('save-block-dialog');
    this.name = document.getElementById('save-block-name');
    this.problem = document.getElementById('save-block-problem');
    this.nameDialog?.querySelector('form').addEventListener('submit', event => {
      if (event.submitter?.value === 'save') {
        // stays open until the server has it, or says why not
        event.preventDefault();
        this.confirmSave();
      }
    });
  }

  /** Lists the saved blocks; the one chosen is inserted as a copy. */
  async choose(nested, insert) {
    this.results.replaceChildren();
    this.listDialog.showModal();
    const response = await fetch(this.base, { headers: this.headers() });
    const saved = response.ok ? await response.json() : [];
    if (saved.length === 0) {
      const none = document.createElement('li');
      none.className = 'list-group-item small text-muted';
      none.textContent = texts.noSaved;
      this.results.append(none);
    }
    for (const entry of saved) {
      const item = document.createElement('li');
      item.className = 'list-group-item d-flex align-items-center gap-2 saved-block';
      const name = document.createElement('span');
      name.className = 'me-auto';
      name.textContent = entry.name;
      const type = document.createElement('span');
      type.className = 'badge text-bg-light';
      type.textContent = document.getElementById('block-form-' + entry.block.type)?.dataset.title ?? entry.block.type;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-sm btn-outline-primary';
      button.textContent = document.getElementById('merge-field-insert')?.textContent ?? '+';
      button.dataset.savedId = entry.id;
      // a column holds no columns
      button.disabled = nested && entry.block.type === 'columns';
      button.addEventListener('click', () => {
        this.listDialog.close();
        insert(copyOf(entry.block));
      });
      item.append(name, type, button);
      this.results.append(item);
    }
  }

  /** Asks for a name, then saves a copy of the block under it. */
  save(block, card) {
    this.block = block;
    this.card = card;
    this.name.value = '';
    this.problem.hidden = true;
    this.nameDialog.showModal();
    this.name.focus();
  }

  async confirmSave() {
    const response = await fetch(this.base, {
      method: 'POST',
      headers: { ...this.headers(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: this.name.value, block: this.block })
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      this.problem.textContent = json.detail ?? response.statusText;
      this.problem.hidden = false;
      return;
    }
    this.nameDialog.close();
    this.card.notice((texts.saved ?? '{0}').replace('{0}', json.name));
  }
}
