import * as api from './api.js';
import {fieldLabel, h, label, replace, stateBadge} from './dom.js';

// An editing form generated from a content type's JSON Schema (GET /api/manage/schemas/{type}): fields in the schema's
// property order, labelled by "title" (else the humanised name) with "description" as help. It reads the keywords
// type, properties, required, items, enum, const, $ref/$defs, minItems/maxItems, maxLength, minimum/maximum and format;
// the server validates everything (if/then, patterns, cross-field rules) and its violations are shown beside the field
// they name. Which fields are Markdown and which link to entries of which type come from the server's content model.
// LinkFieldsTest fails when a schema uses a keyword this file does not know.

/** The DOM id of the control for an API field path: "steps[2]" → "f-steps-2-". */
export const fieldId = path => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** "steps[2].text" → "steps[].text": a path as the content model lists Markdown and link fields. */
const pattern = path => path.replace(/\[\d+\]/g, '[]');

/**
 * The form for one entry's content. model: the editing schema; value: the content to start from (or {}).
 * Returns {element, read() → content, showViolations(violations) → summary element or null, changed(listener)}.
 */
export function contentForm(model, value = {}, {lockSlug = false} = {}) {
    const ctx = {model, markdown: new Set(model.markdownFields), links: model.links, lockSlug};
    const root = resolve({node: model.schemas[model.file], file: model.file}, model.schemas);
    const fields = objectFields(ctx, '', root, value ?? {});
    const element = h('div', {class: 'content-form'}, fields.map(f => f.element));
    return {
        element,
        read: () => collect(fields),
        showViolations: violations => showViolations(element, violations)
    };
}

function objectFields(ctx, prefix, schema, value) {
    const properties = schema.node.properties ?? {};
    const required = new Set(schema.node.required ?? []);
    return Object.entries(properties).map(([name, property]) => {
        const path = prefix ? `${prefix}.${name}` : name;
        const own = resolve({node: property, file: schema.file}, ctx.model.schemas);
        const text = own.node.title ?? fieldLabel(name);
        const need = prefix === '' ? (ctx.model.draftRequired.includes(name) ? 'required' : required.has(name) ? 'needed to submit' : null)
            : required.has(name) ? 'required' : null;
        return {name, ...build(ctx, path, own, text, value?.[name], need)};
    });
}

const collect = fields => {
    const out = {};
    for (const f of fields) {
        const v = f.read();
        if (v !== undefined) {
            out[f.name] = v;
        }
    }
    return out;
};

/** One field's controller: {element, read() → value or undefined, empty: what an unfilled list item sends}. */
function build(ctx, path, schema, text, value, need) {
    const node = schema.node;
    const link = ctx.links[pattern(path)];
    if (link && node.type === 'array') {
        return linkPicker(ctx, path, text, node, value, link, true, need);
    }
    if (link) {
        return linkPicker(ctx, path, text, node, value, link, false, need);
    }
    if (node.type === 'array') {
        const items = resolve({node: node.items ?? {}, file: schema.file}, ctx.model.schemas);
        return items.node.enum ? checkboxes(path, text, node, items.node.enum, value, need)
            : list(ctx, path, text, node, items, value, need);
    }
    if (node.type === 'object' || node.properties) {
        return group(ctx, path, text, schema, value, need);
    }
    if (node.enum) {
        return choice(path, text, node, value, need);
    }
    if (node.type === 'boolean' || node.const === true) {
        return checkbox(path, text, node, value);
    }
    if (node.type === 'integer' || node.type === 'number') {
        return number(path, text, node, value, need);
    }
    return textField(ctx, path, text, node, value, need);
}

// ---- the parts of a field: label, help, error slot -----------------------------------------------------------

function labelText(text, need) {
    return [text, need ? h('span', {class: 'need'}, ` (${need})`) : null];
}

const hint = (id, node, extra) => node.description || extra
    ? h('p', {class: 'hint', id: `${id}-hint`}, [node.description, extra].filter(Boolean).join(' ')) : null;

const errorText = id => h('p', {class: 'field-error', id: `${id}-error`, hidden: true});

function describe(control, id, node, extra) {
    if (node.description || extra) {
        control.setAttribute('aria-describedby', `${id}-hint`);
    }
    return control;
}

/** A single control with its label above it. */
function single(path, text, need, node, control, extra) {
    const id = fieldId(path);
    control.id = id;
    describe(control, id, node, extra);
    return h('div', {class: 'form-field', 'data-path': path},
        h('label', {for: id}, labelText(text, need)), hint(id, node, extra), errorText(id), control);
}

/** A group of controls (an object, a list, checkboxes) in a fieldset named by its legend. */
function fieldset(path, text, need, node, children, extra, kind = 'group') {
    const id = fieldId(path);
    const set = h('fieldset', {class: `form-group ${kind}`, 'data-path': path, id},
        h('legend', {}, labelText(text, need)), hint(id, node, extra), errorText(id), children);
    if (node.description || extra) {
        set.setAttribute('aria-describedby', `${id}-hint`);
    }
    return set;
}

// ---- scalars ---------------------------------------------------------------------------------------------------

function textField(ctx, path, text, node, value, need) {
    const markdown = ctx.markdown.has(pattern(path));
    const long = markdown || (node.maxLength ?? 0) > 200;
    const type = node.format === 'date' ? 'date' : node.format === 'uri' ? 'url' : 'text';
    const control = long ? h('textarea', {rows: markdown ? 8 : 3, maxlength: node.maxLength})
        : h('input', {type, maxlength: node.maxLength, spellcheck: path === 'slug' ? 'false' : null});
    control.value = typeof value === 'string' ? value : '';
    if (path === 'slug' && ctx.lockSlug) {
        control.readOnly = true;
    }
    const extra = markdown ? 'The preview below shows it as readers will see it.' : null;
    const element = single(path, text, need, node, control, extra);
    if (markdown) {
        element.classList.add('markdown-field');
        element.append(markdownPreview(path, text, control));
    }
    return {element, read: () => control.value === '' ? undefined : control.value, empty: ''};
}

/** The sanitised HTML the server will deliver for this Markdown, refreshed shortly after each change. */
function markdownPreview(path, text, control) {
    const body = h('div', {class: 'markdown'});
    let timer = null;
    let asked = 0;
    const refresh = async () => {
        const call = ++asked;
        if (!control.value.trim()) {
            replace(body, h('p', {class: 'empty'}, 'Nothing to preview yet.'));
            return;
        }
        try {
            const {html} = await api.markdownPreview(control.value);
            if (call === asked) {
                body.innerHTML = html; // rendered and sanitised by the server, exactly as delivery does
            }
        } catch (error) {
            replace(body, h('p', {class: 'empty'}, `No preview: ${error.message}`));
        }
    };
    control.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(refresh, 300);
    });
    refresh();
    return h('section', {class: 'markdown-preview', 'aria-label': `Preview of ${text}`, id: `${fieldId(path)}-preview`},
        h('p', {class: 'preview-label'}, 'Preview'), body);
}

function number(path, text, node, value, need) {
    const control = h('input', {type: 'number', inputmode: 'numeric', step: node.type === 'integer' ? 1 : 'any',
        min: node.minimum, max: node.maximum});
    control.value = typeof value === 'number' ? String(value) : '';
    const range = node.minimum !== undefined && node.maximum !== undefined ? `${node.minimum} to ${node.maximum}.` : null;
    return {element: single(path, text, need, node, control, range), empty: null,
        read: () => control.value === '' ? undefined : Number(control.value)};
}

function choice(path, text, node, value, need) {
    const control = h('select', {},
        h('option', {value: ''}, 'Not given'),
        node.enum.map(option => h('option', {value: option}, label(String(option)))));
    control.value = node.enum.includes(value) ? value : '';
    return {element: single(path, text, need, node, control), empty: null,
        read: () => control.value === '' ? undefined : control.value};
}

function checkbox(path, text, node, value) {
    const id = fieldId(path);
    const control = h('input', {type: 'checkbox', id});
    control.checked = value === true;
    describe(control, id, node);
    return {element: h('div', {class: 'form-field check', 'data-path': path}, control, h('label', {for: id}, text),
        hint(id, node), errorText(id)), empty: null,
    read: () => control.checked ? true : node.const === true ? undefined : value === false ? false : undefined};
}

function checkboxes(path, text, node, options, value, need) {
    const chosen = new Set(Array.isArray(value) ? value : []);
    const boxes = options.map(option => {
        const id = fieldId(`${path}.${option}`);
        const box = h('input', {type: 'checkbox', id, value: option});
        box.checked = chosen.has(option);
        return {box, element: h('div', {class: 'check'}, box, h('label', {for: id}, label(String(option))))};
    });
    return {element: fieldset(path, text, need, node, h('div', {class: 'checks'}, boxes.map(b => b.element)), null, 'choices'),
        empty: null,
        read: () => {
            const values = boxes.filter(b => b.box.checked).map(b => b.box.value);
            return values.length ? values : undefined;
        }};
}

// ---- objects and lists ---------------------------------------------------------------------------------------

function group(ctx, path, text, schema, value, need) {
    const fields = objectFields(ctx, path, schema, value && typeof value === 'object' ? value : {});
    return {element: fieldset(path, text, need, schema.node, fields.map(f => f.element)), empty: {},
        read: () => {
            const out = collect(fields);
            return Object.keys(out).length ? out : undefined;
        }};
}

/** "Steps" → "step": the name of one item of a list. */
const itemName = text => (text.endsWith('s') && !text.endsWith('ss') ? text.slice(0, -1) : text).toLowerCase();

/** A list whose items are added, removed and moved with buttons (each reachable and named for the keyboard). */
function list(ctx, path, text, node, items, value, need) {
    const one = itemName(text);
    let controllers = [];
    const rows = h('ol', {class: 'items'});
    const add = h('button', {type: 'button', class: 'secondary add-item', id: `${fieldId(path)}-add`}, `Add a ${one}`);
    const limits = [node.minItems ? `At least ${node.minItems}.` : null, node.maxItems ? `At most ${node.maxItems}.` : null]
        .filter(Boolean).join(' ') || null;

    const values = () => controllers.map(c => c.read() ?? null);
    function render(list, focus) {
        controllers = list.map((item, i) => build(ctx, `${path}[${i}]`, items, `${one[0].toUpperCase()}${one.slice(1)} ${i + 1}`, item, null));
        replace(rows, controllers.map((c, i) => h('li', {class: 'item'}, c.element, h('div', {class: 'item-actions'},
            button('Move up', `${one} ${i + 1}`, i === 0, () => move(i, -1)),
            button('Move down', `${one} ${i + 1}`, i === list.length - 1, () => move(i, 1)),
            button('Remove', `${one} ${i + 1}`, false, () => remove(i))))));
        add.disabled = node.maxItems !== undefined && list.length >= node.maxItems;
        focus?.();
        rows.dispatchEvent(new Event('input', {bubbles: true})); // the form now differs from what was loaded
    }
    function move(i, by) {
        const now = values();
        [now[i], now[i + by]] = [now[i + by], now[i]];
        render(now, () => rows.children[i + by].querySelector(`.item-actions button:nth-child(${by < 0 ? 1 : 2})`)?.focus());
        if (by < 0 && i + by === 0 || by > 0 && i + by === now.length - 1) { // that button is disabled now: its neighbour
            rows.children[i + by].querySelector('.item-actions button:not([disabled])')?.focus();
        }
    }
    function remove(i) {
        const now = values();
        now.splice(i, 1);
        render(now, () => (rows.children[Math.min(i, now.length - 1)]?.querySelector('.item-actions button:last-child') ?? add).focus());
    }
    add.addEventListener('click', () => {
        const now = values();
        now.push(null);
        render(now, () => focusable(rows.lastElementChild)?.focus());
    });
    render(Array.isArray(value) ? value : []);
    const element = fieldset(path, text, need, node, [rows, add], limits, 'list');
    return {element, empty: null, read: () => {
        if (!controllers.length) {
            return undefined;
        }
        return controllers.map(c => c.read() ?? c.empty); // an empty item goes to the server, which says what it lacks
    }};
}

function button(text, what, disabled, onclick) {
    return h('button', {type: 'button', class: 'secondary small', disabled, onclick},
        text, h('span', {class: 'visually-hidden'}, ` ${what}`));
}

const focusable = element => element?.querySelector('input, select, textarea, button:not([disabled])');

// ---- links -----------------------------------------------------------------------------------------------------

/** Chooses entries of the linked type by searching the management list; each shown with its workflow state. */
function linkPicker(ctx, path, text, node, value, link, many, need) {
    const id = fieldId(path);
    let chosen = (many ? (Array.isArray(value) ? value : []) : (typeof value === 'string' && value ? [value] : [])).slice();
    const states = new Map();
    const picked = h('ul', {class: 'linked', id: `${id}-linked`});
    const search = h('input', {type: 'search', id: `${id}-search`, spellcheck: 'false', autocomplete: 'off'});
    const find = h('button', {type: 'button', class: 'secondary', id: `${id}-find`}, 'Search');
    const results = h('ul', {class: 'results', id: `${id}-results`});
    const found = h('p', {class: 'hint', role: 'status', id: `${id}-found`});

    function render(focus) {
        replace(picked, chosen.length === 0 ? h('li', {class: 'empty'}, 'None linked.') : chosen.map((slug, i) => h('li', {'data-slug': slug},
            h('code', {}, slug), ' ', state(slug),
            many ? button('Move up', slug, i === 0, () => move(i, -1)) : null,
            many ? button('Move down', slug, i === chosen.length - 1, () => move(i, 1)) : null,
            button('Remove', slug, false, () => {
                chosen.splice(i, 1);
                render(() => search.focus());
            }))));
        picked.dispatchEvent(new Event('input', {bubbles: true}));
        focus?.();
    }
    function move(i, by) {
        [chosen[i], chosen[i + by]] = [chosen[i + by], chosen[i]];
        render(() => picked.children[i + by].querySelector('button:not([disabled])')?.focus());
    }
    function state(slug) {
        const badge = h('span', {class: 'link-state'});
        const show = s => replace(badge, s ? stateBadge(s) : h('span', {class: 'badge missing'}, 'not found'));
        if (states.has(slug)) {
            show(states.get(slug));
        } else {
            replace(badge, '…');
            api.entry(link.plural, slug).then(e => e.state, () => null).then(s => {
                states.set(slug, s);
                show(s);
            });
        }
        return badge;
    }
    async function lookUp() {
        replace(found, 'Searching…');
        try {
            const items = await api.search(link.plural, search.value.trim());
            items.forEach(item => states.set(item.slug, item.state));
            replace(found, `${items.length} ${link.plural} found${items.length === 50 ? ' (the first 50)' : ''}.`);
            replace(results, items.map(item => h('li', {},
                h('button', {type: 'button', class: 'secondary small', 'data-slug': item.slug,
                    disabled: chosen.includes(item.slug) || (!many && chosen.length > 0) || (node.maxItems !== undefined && chosen.length >= node.maxItems),
                    onclick: () => {
                        chosen.push(item.slug);
                        replace(results);
                        replace(found, `Linked ${item.slug}.`);
                        render(() => search.focus());
                    }}, 'Link ', h('code', {}, item.slug)), ' ', stateBadge(item.state))));
        } catch (error) {
            replace(found, `The search failed: ${error.message}`);
        }
    }
    search.addEventListener('keydown', event => {
        if (event.key === 'Enter') {
            event.preventDefault(); // searches, rather than submitting the whole form
            lookUp();
        }
    });
    find.addEventListener('click', lookUp);
    render();
    const help = `Links to ${link.plural}: search them by slug and choose; each shows its workflow state.`;
    const element = fieldset(path, text, need, node, [picked,
        h('div', {class: 'link-search'}, h('label', {for: search.id}, `Search ${link.plural}`), search, find),
        found, results], help, 'links');
    return {element, empty: null, read: () => many ? (chosen.length ? chosen.slice() : undefined) : chosen[0]};
}

// ---- the server's violations, beside their fields ----------------------------------------------------------------

/**
 * Shows each violation beside the field it names ("content.steps[2]"; a path below any field, such as
 * "dosage.holdSeconds.ordered", goes to the nearest field that holds it) and returns a summary linking to each field.
 */
function showViolations(form, violations) {
    form.querySelectorAll('.field-error').forEach(slot => {
        slot.hidden = true;
        replace(slot);
    });
    form.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
    form.querySelectorAll('[data-error-described]').forEach(c => {
        c.setAttribute('aria-describedby', c.getAttribute('aria-describedby').replace(/\s*\S+-error$/, ''));
        if (!c.getAttribute('aria-describedby')) {
            c.removeAttribute('aria-describedby');
        }
        c.removeAttribute('data-error-described');
    });
    if (!violations?.length) {
        return null;
    }
    const items = violations.map(v => {
        const path = (v.field ?? '').replace(/^content\.?/, '');
        const holder = holderOf(form, path);
        if (holder) {
            const id = fieldId(holder.getAttribute('data-path'));
            const slot = holder.querySelector(`#${CSS.escape(id)}-error`);
            slot.hidden = false;
            slot.append(h('span', {class: 'error-line', 'data-rule': v.rule}, path !== holder.getAttribute('data-path') ? `${path}: ` : '', v.message));
            const control = form.querySelector(`#${CSS.escape(id)}`);
            if (control && !control.hasAttribute('data-error-described')) {
                control.setAttribute('aria-invalid', 'true');
                control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} ${id}-error`.trim());
                control.setAttribute('data-error-described', '');
            }
        }
        return {v, path, holder};
    });
    return h('div', {class: 'error-summary', id: 'error-summary', tabindex: '-1', role: 'alert', 'aria-labelledby': 'error-summary-title'},
        h('h2', {id: 'error-summary-title'}, `The server refused this: ${violations.length} ${violations.length === 1 ? 'problem' : 'problems'}`),
        h('ul', {}, items.map(({v, path, holder}) => h('li', {'data-rule': v.rule},
            holder ? h('a', {href: `#${fieldId(holder.getAttribute('data-path'))}`, 'data-field': path, onclick: event => {
                event.preventDefault(); // the fragment names the screen; focus the field instead
                const target = form.querySelector(`#${CSS.escape(fieldId(holder.getAttribute('data-path')))}`);
                (target?.matches('fieldset') ? focusable(target) : target)?.focus();
            }}, path || 'The entry') : h('span', {}, path || 'The entry'),
            `: ${v.message} `, h('span', {class: 'rule'}, `(${v.rule})`)))));
}

function holderOf(form, path) {
    for (let at = path; at;) {
        const holder = form.querySelector(`[data-path="${CSS.escape(at)}"]`);
        if (holder) {
            return holder;
        }
        const shorter = at.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        if (shorter === at) {
            return null;
        }
        at = shorter;
    }
    return null;
}

// ---- JSON Schema references ----------------------------------------------------------------------------------

/**
 * Follows "$ref"s ("#/$defs/range", "common.schema.json#/$defs/stageNote", "citation.schema.json") to {node, file};
 * keywords beside a $ref (a title, a stricter minItems) win over the referenced schema's.
 */
export function resolve(schema, schemas, depth = 0) {
    const {node, file} = schema;
    if (!node || typeof node.$ref !== 'string' || depth > 10) {
        return {node: node ?? {}, file};
    }
    const {$ref, ...beside} = node;
    const [target, pointer = ''] = $ref.split('#');
    const targetFile = target || file;
    const found = pointer.split('/').filter(Boolean)
        .reduce((at, key) => at?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], schemas[targetFile]);
    const resolved = resolve({node: found ?? {}, file: targetFile}, schemas, depth + 1);
    return {node: {...resolved.node, ...beside}, file: resolved.file};
}
