/**
 * <modifier-groups>: the choices products are sold with at the counter (GET /api/admin/modifier-groups), each group
 * with its names, how many of its options the cashier chooses, and its options with what they add to the price,
 * inactive ones said in words; and one form that creates a group or, after its Change button, changes it
 * (PUT /api/admin/modifier-groups/{code}). A group's code is fixed once it exists. Which products offer a group is
 * set in the product editor.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, messageHtml, problemsFrom, setDescribedBy } from '../../../lib/form-errors.js';
import { ListLoad, emptyHtml, showFailed } from '../../../lib/paged-list.js';
import { chooseMessage, localName, modifierGroups, priceChange } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';
import { register as registerOptionList } from '../modifier-option-list/modifier-option-list.js';
import { checkGroup, codeOf, groupBody, groupField } from './rules.js';
import { formHtml } from './template.js';

const params = (values) => JSON.stringify(values);

function optionHtml(option) {
  return html`<li>${localName(option)} ${messageHtml(priceChange(option.price.amount))}${!option.active
    && html` <span class="badge badge--off" data-i18n="counter.option.inactive"></span>`}</li>`;
}

class ModifierGroups extends HTMLElement {
  connectedCallback() {
    registerOptionList();
    render(this, formHtml());
    translate(this);
    this.list = this.querySelector('#modifier-group-list');
    this.form = this.querySelector('#modifier-group-form');
    this.optionList = this.querySelector('modifier-option-list');
    this.statusLine = this.querySelector('#modifier-group-status');
    this.errors = new FormErrors(this.form, this.querySelector('#modifier-group-errors'));
    this.groups = [];
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.addEventListener('click', (event) => this.clicked(event));
    document.addEventListener(LANG_CHANGE, () => {
      this.draw(this.groups);
      this.title();
    });
    this.loader = new ListLoad(this, {
      what: 'modifier groups',
      retryId: 'modifier-group-retry',
      fetch: () => modifierGroups(),
      failed: () => showFailed(this.list, 'counter.groups.loadFailed', 'modifier-group-retry'),
      loaded: (groups) => this.draw(groups),
    });
    this.loader.run();
    this.startNew(false);
  }

  draw(groups) {
    this.groups = groups;
    render(this.list, groups.length === 0
      ? emptyHtml('modifier-group-empty', 'counter.groups.empty')
      : html`
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="modifier-group-caption">
          <table id="modifier-group-table" class="data-table">
            <caption id="modifier-group-caption" data-i18n="counter.groups.caption" data-i18n-params="${params({ count: groups.length })}"></caption>
            <thead>
              <tr>
                <th scope="col" data-i18n="counter.groups.col.group"></th>
                <th scope="col" data-i18n="counter.groups.col.choose"></th>
                <th scope="col" data-i18n="counter.groups.col.options"></th>
                <th scope="col" data-i18n="counter.col.actions"></th>
              </tr>
            </thead>
            <tbody>
              ${groups.map((group) => html`
                <tr id="modifier-group-row-${group.code}">
                  <th scope="row">${localName(group)}<span class="data-table__sub">${group.code}</span></th>
                  <td id="modifier-group-choose-${group.code}" class="counter-choose">${messageHtml(chooseMessage(group))}</td>
                  <td><ul id="modifier-group-options-${group.code}" class="counter-options">${group.options.map(optionHtml)}</ul></td>
                  <td>
                    <button type="button" id="modifier-group-edit-${group.code}" class="button button--secondary" data-edit="${group.code}">
                      <span data-i18n="counter.change"></span><span class="visually-hidden"> ${localName(group)}</span>
                    </button>
                  </td>
                </tr>`)}
            </tbody>
          </table>
        </div>`);
    translate(this.list);
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.edit) this.edit(this.groups.find((group) => group.code === button.dataset.edit), true);
    else if (button.id === 'modifier-group-new') this.startNew(true);
  }

  field(id) {
    return this.querySelector(`#${id}`);
  }

  /** Empties the form for a new group. */
  startNew(focus) {
    this.fill(null);
    if (focus) this.field('modifier-group-form-heading').focus();
  }

  /** Shows `group` in the form to be changed. */
  edit(group, focus) {
    if (!group) return;
    this.fill(group);
    if (focus) this.field('modifier-group-form-heading').focus();
  }

  fill(group) {
    this.editing = group;
    this.errors.clear();
    const set = (id, value) => { this.field(id).value = value ?? ''; };
    set('modifier-group-code', group?.code);
    set('modifier-group-name-zh', group?.nameZh);
    set('modifier-group-name-en', group?.nameEn);
    set('modifier-group-min', group ? group.minChoices : '1');
    set('modifier-group-max', group ? group.maxChoices : '1');
    const code = this.field('modifier-group-code');
    code.readOnly = Boolean(group);
    setDescribedBy(code, 'modifier-group-code-fixed', Boolean(group));
    this.field('modifier-group-code-fixed').hidden = !group;
    this.field('modifier-group-new').hidden = !group;
    this.optionList.options = group ? group.options : [];
    const save = this.field('modifier-group-save');
    save.dataset.i18n = group ? 'counter.groups.save' : 'counter.groups.create';
    translate(save);
    this.title();
  }

  title() {
    const heading = this.field('modifier-group-form-heading');
    heading.dataset.i18n = this.editing ? 'counter.groups.editHeading' : 'counter.groups.newHeading';
    heading.dataset.i18nParams = params(this.editing ? { name: localName(this.editing), code: this.editing.code } : {});
    translate(heading);
  }

  draft() {
    const value = (id) => this.field(id).value;
    return {
      code: this.editing ? this.editing.code : codeOf(value('modifier-group-code')),
      nameZh: value('modifier-group-name-zh'),
      nameEn: value('modifier-group-name-en'),
      minChoices: value('modifier-group-min'),
      maxChoices: value('modifier-group-max'),
      options: this.optionList.value,
    };
  }

  async save() {
    if (this.busy) return;
    const draft = this.draft();
    const creating = !this.editing;
    const problems = checkGroup(draft, { creating, taken: new Set(this.groups.map((group) => group.code)) });
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    this.busy = true;
    this.field('modifier-group-save').setAttribute('aria-disabled', 'true');
    announce(this.statusLine, { key: 'counter.saving' });
    try {
      await ensureCsrfToken();
      const saved = await api.put(`/api/admin/modifier-groups/${encodeURIComponent(draft.code)}`, groupBody(draft));
      // The saved options carry their ids now: saving again changes them instead of adding them twice.
      this.edit(saved, false);
      announce(this.statusLine, { key: creating ? 'counter.groups.created' : 'counter.groups.saved',
        params: { name: localName(saved), code: saved.code } });
      await this.loader.run();
    } catch (error) {
      console.warn('Saving the modifier group failed.', error);
      this.statusLine.textContent = '';
      this.errors.show(problemsFrom(error, groupField));
    } finally {
      this.busy = false;
      this.field('modifier-group-save').setAttribute('aria-disabled', 'false');
    }
  }
}

export function register() {
  define('modifier-groups', ModifierGroups);
}
