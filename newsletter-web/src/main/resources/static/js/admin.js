// Behaviour shared by the admin pages, attached here rather than in inline handlers: the admin's
// Content-Security-Policy runs scripts from files only.

// <form data-confirm="…">: asks before submitting
document.addEventListener('submit', event => {
  const form = event.target;
  if (form.matches('form[data-confirm]') && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// <select data-autosubmit>: submits its form when changed
document.addEventListener('change', event => {
  if (event.target.matches('select[data-autosubmit]')) {
    event.target.form.submit();
  }
});

// <a data-frame="id" data-src="url">: shows the url in the frame, marks the tab active
document.addEventListener('click', event => {
  const tab = event.target.closest('a[data-frame][data-src]');
  if (tab) {
    event.preventDefault();
    document.getElementById(tab.dataset.frame).src = tab.dataset.src;
    tab.closest('ul').querySelectorAll('.nav-link').forEach(link => link.classList.toggle('active', link === tab));
  }
});
