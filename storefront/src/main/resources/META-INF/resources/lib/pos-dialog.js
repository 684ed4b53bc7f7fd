/**
 * The counter tablet's dialogs (choosing options, a line's discount or note, the camera): a native modal <dialog>,
 * which keeps focus inside it, closes on Esc and is named by its heading. Focus goes into it when it opens and back,
 * when it closes, to the control whose id the opener gave (found again by id, since the sale's lines are redrawn
 * meanwhile), else to `fallback`.
 */

/** Opens `dialog` modally, focusing `first`; on closing, focus returns to the element with id `returnTo`, else `fallback`. */
export function openDialog(dialog, { first, returnTo, fallback }) {
  dialog.addEventListener('close', () => {
    const back = (returnTo && document.getElementById(returnTo)) || fallback;
    back?.focus();
  }, { once: true });
  dialog.showModal();
  first?.focus();
}
