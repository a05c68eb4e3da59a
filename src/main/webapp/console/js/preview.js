import {fieldLabel, h} from './dom.js';

const NOT_SHOWN = new Set(['title', 'slug', 'locale', 'summary', 'provenance', 'sample']); // provenance: beside each field

/**
 * A delivered entry ({type, content, html, review}) laid out as a reader would see it. Stored content comes with its
 * fields sorted by name, so the order and the labels come from the type's JSON Schema (schemas: api.schemas()): fields in
 * the order of its properties, each labelled by its "title" or else its humanised name. Without schemas, content order.
 */
export function renderPreview(delivered, schemas = {}) {
    const {type, content, html, review} = delivered;
    const file = Object.keys(schemas).find(f => schemas[f].contentType === type);
    const root = file ? {node: schemas[file].schema, file} : null;
    return h('article', {class: 'reader-view', 'aria-labelledby': 'reader-title'},
        review?.notice ? h('p', {class: 'notice'}, review.notice) : null,
        h('h3', {id: 'reader-title'}, content.title),
        content.summary ? h('p', {class: 'lead'}, content.summary) : null,
        ordered(content, root, schemas).filter(({name}) => !NOT_SHOWN.has(name)).map(({name, value, label, schema}) =>
            h('section', {class: 'reader-field', 'data-field': name},
                h('h4', {}, label),
                provenanceOf(content, name),
                view(value, name, html, schema, schemas))));
}

/** Where a field's text comes from (content.provenance): "editorial" or "source: <citation>", with the editor's note. */
function provenanceOf(content, name) {
    const marks = (content.provenance ?? []).filter(p => p.field === name || p.field.startsWith(`${name}[`) || p.field.startsWith(`${name}.`));
    if (!marks.length) {
        return null;
    }
    const cited = i => {
        const source = content.sources?.[i];
        return source ? source.title + (source.dated ? ' (dated)' : '') : `citation ${i + 1} (missing)`;
    };
    return h('ul', {class: 'provenance'}, marks.map(p => h('li', {class: `provenance-${p.basis}`, 'data-basis': p.basis, 'data-path': p.field},
        p.field === name ? '' : `${p.field}: `,
        h('span', {class: 'provenance-mark'}, p.basis === 'editorial' ? 'editorial' : `source: ${(p.citations ?? []).map(cited).join('; ')}`),
        p.note ? ` ${p.note}` : '')));
}

function view(value, path, html, schema, schemas) {
    if (typeof html[path] === 'string') {
        const markdown = h('div', {class: 'markdown'});
        markdown.innerHTML = html[path]; // rendered from Markdown and sanitised by the server (OWASP policy)
        return markdown;
    }
    if (Array.isArray(value)) {
        const items = schema && resolve({node: schema.node.items, file: schema.file}, schemas);
        return h('ul', {}, value.map((item, i) => h('li', {}, view(item, `${path}[${i}]`, html, items, schemas))));
    }
    if (value !== null && typeof value === 'object') {
        return h('dl', {}, ordered(value, schema, schemas).map(({name, value: item, label, schema: itemSchema}) =>
            [h('dt', {}, label), h('dd', {}, view(item, `${path}.${name}`, html, itemSchema, schemas))]));
    }
    return h('span', {}, typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value));
}

/** An object's fields in its schema's property order (unknown ones last), each with its label and its own schema. */
function ordered(object, schema, schemas) {
    const resolved = resolve(schema, schemas);
    const properties = resolved?.node?.properties ?? {};
    const order = Object.keys(properties);
    const rank = name => order.includes(name) ? order.indexOf(name) : order.length;
    return Object.entries(object).sort(([a], [b]) => rank(a) - rank(b)).map(([name, value]) => {
        const property = properties[name];
        return {name, value, label: property?.title ?? fieldLabel(name),
            schema: property ? resolve({node: property, file: resolved.file}, schemas) : null};
    });
}

/**
 * Follows "$ref"s ("#/$defs/range" in the same file, "common.schema.json#/$defs/stageNote" in another) to the schema
 * that describes a value: {node, file}, or null when a reference cannot be followed.
 */
function resolve(schema, schemas, depth = 0) {
    if (!schema?.node || depth > 10) {
        return null;
    }
    const ref = schema.node.$ref;
    if (typeof ref !== 'string') {
        return schema;
    }
    const [target, pointer = ''] = ref.split('#');
    const file = target || schema.file;
    const node = pointer.split('/').filter(Boolean)
        .reduce((at, key) => at?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], schemas[file]?.schema);
    return resolve({node, file}, schemas, depth + 1);
}
