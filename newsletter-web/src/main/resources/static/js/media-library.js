// The media library page: uploads of the chosen or dropped images, one request each, with what
// happened to each file said beside the form. Loaded as a file: the admin's Content-Security-Policy
// runs no inline script. Without script, the form posts to /admin/media and the page says the rest.
(() => {
  const form = document.getElementById('media-upload');
  if (!form) {
    return;
  }
  const input = document.getElementById('media-file');
  const name = document.getElementById('media-name');
  const status = document.getElementById('media-upload-status');

  function line(fileName, text, kind) {
    const item = document.createElement('li');
    item.className = 'media-status media-status-' + kind;
    const strong = document.createElement('strong');
    strong.textContent = fileName;
    item.append(strong, ' : ' + text);
    status.append(item);
    return item;
  }

  async function upload(file, givenName) {
    const item = line(file.name, form.dataset.sending, 'sending');
    const body = new FormData();
    body.append('file', file);
    if (givenName) {
      body.append('name', givenName);
    }
    try {
      const response = await fetch(form.dataset.uploadUrl, {
        method: 'POST',
        body,
        headers: { 'Accept': 'application/json', [form.dataset.csrfHeader]: form.dataset.csrf },
        credentials: 'same-origin'
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        item.className = 'media-status media-status-done text-success';
        item.lastChild.textContent = ' : ' + form.dataset.done;
        return true;
      }
      item.className = 'media-status media-status-failed text-danger';
      item.lastChild.textContent = ' : ' + (answer.detail || answer.title || response.status);
    } catch (error) {
      item.className = 'media-status media-status-failed text-danger';
      item.lastChild.textContent = ' : ' + error.message;
    }
    return false;
  }

  async function uploadAll(files) {
    if (files.length === 0) {
      return;
    }
    status.replaceChildren();
    const givenName = files.length === 1 ? name.value.trim() : '';
    let failed = 0;
    for (const file of files) {
      if (!await upload(file, givenName)) {
        failed++;
      }
    }
    input.value = '';
    name.value = '';
    if (failed === 0) {
      window.location.assign(window.location.pathname);
    } else if (failed < files.length) {
      const refresh = document.createElement('a');
      refresh.href = window.location.pathname;
      refresh.textContent = form.dataset.refresh;
      const item = document.createElement('li');
      item.append(refresh);
      status.append(item);
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    uploadAll(Array.from(input.files));
  });
  ['dragenter', 'dragover'].forEach(type => form.addEventListener(type, event => {
    event.preventDefault();
    form.classList.add('media-drop-over');
  }));
  ['dragleave', 'drop'].forEach(type => form.addEventListener(type, () => form.classList.remove('media-drop-over')));
  form.addEventListener('drop', event => {
    event.preventDefault();
    uploadAll(Array.from(event.dataTransfer.files));
  });
})();
