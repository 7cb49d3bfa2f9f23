/** Where the reader's choice is kept (this browser only; the server never sees it, so pages stay cacheable). */
export const ELDER_MODE_KEY = 'elder-mode';
export const ELDER_MODE_CLASS = 'elder';

// Runs in <head> before the body is parsed, so a reader who chose elder mode never sees a flash
// of small type. A blocked localStorage (private mode, policy) just means the default view.
const script = `try{if(localStorage.getItem('${ELDER_MODE_KEY}')==='1')document.documentElement.classList.add('${ELDER_MODE_CLASS}')}catch(e){}`;

export function ElderModeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
