// Building the page from API data. Every text goes in as a text node (never parsed as HTML); the only
// exception is the delivery API's server-sanitised "html" fields, in preview.js.

/** h('p', {class: 'note'}, 'text', child): attributes, "on…" listeners, and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.slice(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    element.append(...present(children));
    return element;
}

export function replace(element, ...children) {
    element.replaceChildren(...present(children));
}

// append() turns strings (and numbers) into text nodes; null, undefined and false stand for "nothing here".
const present = children => children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false);

/** Says something to everyone: shown under the header and read out by screen readers. */
export function announce(message) {
    replace(document.getElementById('status'), message ? h('p', {}, message) : null);
}

/** An API error as the server described it: title, detail and each broken rule's field and message. */
export function problem(error) {
    const p = error.problem ?? {title: 'Something went wrong', detail: error.message};
    const violations = p.violations ?? [];
    return h('div', {class: 'problem'},
        h('p', {class: 'problem-title'}, p.title, p.status ? ` (${p.status})` : ''),
        p.detail ? h('p', {class: 'problem-detail'}, p.detail) : null,
        violations.length ? h('ul', {class: 'violations'}, violations.map(v => h('li', {'data-rule': v.rule},
            v.field ? h('code', {}, v.field) : h('span', {}, 'Entry'), ': ', v.message, ' ',
            h('span', {class: 'rule'}, `(${v.rule})`)))) : null);
}

/** An empty error slot for a form; it is live so that the error is read out when it appears. */
export const errorSlot = () => h('div', {class: 'error-slot', role: 'alert'});

export function showProblem(slot, error) {
    replace(slot, error ? problem(error) : null);
}

/** A workflow state as people read it: "clinically-reviewed" → "Clinically reviewed" (the states are workflow.json's). */
export const label = id => id ? id[0].toUpperCase() + id.slice(1).replaceAll('-', ' ') : id;

/** A field's name as people read it, where its schema gives no "title": "stopRules" → "Stop rules", "audioUrl" → "Audio URL". */
export function fieldLabel(name) {
    const words = name.replace(/([A-Z])/g, ' $1').toLowerCase().replace(/\burl\b/g, 'URL');
    return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field path as people read it: "stopRules" → "Stop rules"; nested paths ("steps[2]") stay as they are. */
export const pathLabel = path => /^[A-Za-z]+$/.test(path) ? fieldLabel(path) : path;

export const stateBadge = state => h('span', {class: `badge state-${state}`, 'data-state': state}, label(state));

export const formatDate = iso => new Date(iso).toLocaleString('en-GB', {dateStyle: 'medium', timeStyle: 'short'});

/** A labelled form control: label, the control, and an optional hint tied to it with aria-describedby. */
export function field(id, text, control, hint) {
    control.id = id;
    if (hint) {
        control.setAttribute('aria-describedby', `${id}-hint`);
    }
    return h('div', {class: 'form-field'},
        h('label', {for: id}, text),
        hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null,
        control);
}
