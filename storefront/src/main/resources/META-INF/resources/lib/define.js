/** Defines a custom element once; pages and parent components may both ask for it. */
export function define(name, constructor) {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
