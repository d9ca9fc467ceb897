// The editor of an issue: language tabs, block snippets, the preview's width. Loaded as a file: the
// admin's Content-Security-Policy runs no inline script.
const BLOCKS = {
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
function insertBlock(button) {
  const body = document.getElementById(button.dataset.lang + 'Body');
  const snippet = BLOCKS[button.dataset.lang][button.dataset.block];
  const at = body.selectionStart ?? body.value.length;
  const before = body.value.substring(0, at);
  const text = (before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n') + snippet;
  body.setRangeText(text, at, body.selectionEnd ?? at, 'end');
  body.focus();
  body.dispatchEvent(new Event('input', { bubbles: true }));
}
function showVariant(lang) {
  document.querySelectorAll('.variant').forEach(v => v.style.display = v.id === 'variant-' + lang ? '' : 'none');
  document.querySelectorAll('[id^=tab-]').forEach(t => t.classList.toggle('active', t.dataset.lang === lang));
  const variant = document.getElementById('variant');
  variant.value = lang;
  variant.dispatchEvent(new Event('change', { bubbles: true }));
  return false;
}
function setWidth(button, mobile) {
  document.getElementById('preview-panel').classList.toggle('mobile', mobile);
  button.parentElement.querySelectorAll('button').forEach(b => b.classList.toggle('active', b === button));
}

document.querySelectorAll('[id^=tab-]').forEach(tab => tab.addEventListener('click', event => {
  event.preventDefault();
  showVariant(tab.dataset.lang);
}));
document.querySelectorAll('button[data-block]').forEach(button => button.addEventListener('click', () => insertBlock(button)));
document.querySelectorAll('button[data-mobile]').forEach(button =>
  button.addEventListener('click', () => setWidth(button, button.dataset.mobile === 'true')));
if (document.getElementById('variant').value === 'en') { showVariant('en'); }
