// The image of an image block: chosen from the media library (a dialog that lists and searches it)
// or uploaded by dropping a file on the card or picking one. Both go through the admin's own
// endpoints (the Médiathèque's, /admin/media/…, and /admin/editor/media/{id}), which the session and
// its CSRF token protect; the REST API takes no session.

const texts = document.getElementById('editor-texts')?.dataset ?? {};

export class MediaLibrary {

  /** @param urls where to read one image ({@code one}/{id}), list them, upload one */
  constructor(urls, headers) {
    this.urls = urls;
    this.headers = headers;
    this.known = new Map();
    this.dialog = document.getElementById('media-dialog');
    this.results = document.getElementById('media-results');
    this.search = document.getElementById('media-search');
    let pause;
    this.search?.addEventListener('input', () => {
      clearTimeout(pause);
      pause = setTimeout(() => this.list(this.search.value), 250);
    });
    // Enter in the search field searches; it must not close the dialog
    this.search?.addEventListener('keydown', event => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.list(this.search.value);
      }
    });
    this.dialog?.addEventListener('close', () => {
      const chosen = this.dialog.returnValue;
      const resolve = this.pending;
      this.pending = null;
      resolve?.(chosen && chosen !== 'cancel' ? this.known.get(chosen) : null);
    });
  }

  /** What the library knows of an image (name, sizes, address of each variant). */
  async info(id) {
    if (!this.known.has(id)) {
      const response = await fetch(this.urls.one + '/' + encodeURIComponent(id), { headers: this.headers() });
      if (!response.ok) {
        throw new Error(texts.loadFailed);
      }
      this.remember(await response.json());
    }
    return this.known.get(id);
  }

  remember(media) {
    this.known.set(media.id, media);
    return media;
  }

  /** Opens the library; resolves with the image chosen, or null. */
  choose() {
    this.search.value = '';
    this.list('');
    this.dialog.showModal();
    return new Promise(resolve => {
      this.pending = resolve;
    });
  }

  async list(query) {
    const response = await fetch(this.urls.list + '?q=' + encodeURIComponent(query ?? ''), { headers: this.headers() });
    const images = response.ok ? await response.json() : [];
    this.results.replaceChildren();
    if (images.length === 0) {
      const none = document.createElement('p');
      none.className = 'small text-muted';
      none.textContent = texts.noMedia;
      this.results.append(none);
    }
    for (const media of images) {
      this.remember(media);
      const button = document.createElement('button');
      button.value = media.id;
      button.className = 'media-choice btn btn-light border';
      button.dataset.mediaId = media.id;
      const img = document.createElement('img');
      img.src = thumbnail(media);
      img.alt = '';
      const name = document.createElement('span');
      name.className = 'small text-break';
      name.textContent = media.name;
      button.append(img, name);
      this.results.append(button);
    }
  }

  /** Sends a file to the library; resolves with the image, or rejects with the server's reason. */
  async upload(file) {
    const body = new FormData();
    body.append('file', file, file.name);
    const response = await fetch(this.urls.upload, { method: 'POST', body, headers: this.headers() });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(json.detail ?? json.message ?? response.statusText);
    }
    return this.remember(json);
  }

  /** Wires the image part of a card: drop zone, file picker, library, and what is chosen. */
  bind(field, card) {
    const drop = field.querySelector('.image-drop');
    const input = field.querySelector('.image-file');
    const status = field.querySelector('.image-status');
    const choose = media => {
      card.set('mediaId', media.id);
      this.show(field, media);
      // the alt text comes next, and only the coordinator can write it (a file name describes nothing)
      card.own('[data-field=alt]')[0]?.focus();
    };
    const upload = async file => {
      status.className = 'image-status small mt-1 text-muted';
      status.textContent = texts.uploading;
      try {
        choose(await this.upload(file));
        status.textContent = '';
      }
      catch (error) {
        status.className = 'image-status small mt-1 text-danger';
        status.textContent = texts.uploadFailed + ' ' + error.message;
      }
    };
    field.querySelector('[data-image=file]').addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      if (input.files.length > 0) {
        upload(input.files[0]);
        input.value = '';
      }
    });
    for (const button of field.querySelectorAll('[data-image=library]')) {
      button.addEventListener('click', async () => {
        const media = await this.choose();
        if (media) {
          choose(media);
        }
      });
    }
    drop.addEventListener('dragover', event => {
      event.preventDefault();
      drop.classList.add('dragging');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
    drop.addEventListener('drop', event => {
      event.preventDefault();
      drop.classList.remove('dragging');
      const file = event.dataTransfer?.files?.[0];
      if (file) {
        upload(file);
      }
    });
    if (card.block.mediaId) {
      this.info(card.block.mediaId).then(media => this.show(field, media)).catch(error => {
        status.className = 'image-status small mt-1 text-danger';
        status.textContent = error.message;
      });
    }
  }

  show(field, media) {
    field.querySelector('.image-drop').hidden = true;
    const chosen = field.querySelector('.image-chosen');
    chosen.hidden = false;
    chosen.querySelector('.image-thumb').src = thumbnail(media);
    chosen.querySelector('.image-name').textContent = media.name;
    chosen.querySelector('.image-size').textContent = media.width + ' × ' + media.height + ' px';
  }
}

// the smallest variant that still fills a thumbnail, else the image itself; read from this origin,
// which serves /media/ too, whatever public address the messages use
function thumbnail(media) {
  const variants = [...(media.variants ?? [])].sort((a, b) => a.width - b.width);
  const url = new URL((variants.find(v => v.width >= 160) ?? variants[variants.length - 1] ?? media).url, location.href);
  return url.pathname;
}
