/**
 * The one place where data becomes markup. Every interpolated value is
 * escaped unless it is itself the result of `html`, so templates can nest
 * without double escaping and nothing from the server or the user can
 * inject markup. Interpolate into quoted attributes only.
 */

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

class SafeHtml {
  constructor(value) {
    this.value = value;
  }

  toString() {
    return this.value;
  }
}

export function escapeHtml(value) {
  return String(value).replace(/[&<>"'`]/g, (ch) => ESCAPES[ch]);
}

function fragment(value) {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(fragment).join('');
  // false/null/undefined render nothing so conditionals read naturally: ${ok && html`...`}
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += fragment(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}

/** Replaces the children of `target`; refuses plain strings so unescaped text cannot slip in. */
export function render(target, template) {
  if (!(template instanceof SafeHtml)) {
    throw new TypeError('render() needs a template built with html``');
  }
  target.innerHTML = template.value;
}
