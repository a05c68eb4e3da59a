// The Sacrum API as the console uses it. The API root is found from this file's own address, so the console
// works wherever the WAR is deployed (/console/ in production, /sacrum/console/ in the tests).
const ROOT = new URL('../../api/', import.meta.url);
const TOKEN = 'sacrum.console.token';
const TOKEN_ID = 'sacrum.console.tokenId';


/** A failed call, carrying the server's problem+json ({title, status, detail, violations}). */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem.detail || problem.title);
        this.status = status;
        this.problem = problem;
    }
}

async function call(path, {method = 'GET', body, headers = {}, authorization} = {}) {
    const token = sessionStorage.getItem(TOKEN);
    const sent = {Accept: 'application/json', ...headers};
    if (authorization || token) {
        sent.Authorization = authorization || `Bearer ${token}`;
    }
    if (body !== undefined) {
        sent['Content-Type'] = 'application/json';
    }
    let response;
    try {
        response = await fetch(new URL(path, ROOT), {
            method, headers: sent, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body)
        });
    } catch (e) {
        throw new ApiError(0, {title: 'The server could not be reached', detail: e.message});
    }
    const text = await response.text();
    const data = parse(text);
    if (!response.ok) {
        if (response.status === 401 && !authorization && token) {
            forget();
            window.dispatchEvent(new Event('sacrum:signed-out'));
        }
        throw new ApiError(response.status, data?.title ? data
            : {title: response.statusText || 'The request failed', status: response.status, detail: text.slice(0, 300)});
    }
    return data;
}

function parse(text) {
    try {
        return text ? JSON.parse(text) : null;
    } catch {
        return null;
    }
}

function basic(username, password) {
    const bytes = new TextEncoder().encode(`${username}:${password}`);
    return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function forget() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(TOKEN_ID);
}

const entryPath = (type, slug) => `manage/${encodeURIComponent(type)}/${encodeURIComponent(slug)}`;

export const signedIn = () => sessionStorage.getItem(TOKEN) !== null;

/** Exchanges a password for a one-day console token kept only in this tab; returns the signed-in person. */
export async function signIn(username, password) {
    const authorization = basic(username, password);
    // only an admin's console token carries the admin scope (the webhooks page needs it)
    const person = await call('manage/me', {authorization});
    const scopes = ['read', 'write', 'review', 'publish', ...(person.roles.includes('admin') ? ['admin'] : [])];
    const token = await call('manage/me/tokens', {
        method: 'POST',
        authorization,
        body: {name: 'console', scopes, expiresInDays: 1}
    });
    sessionStorage.setItem(TOKEN, token.token);
    sessionStorage.setItem(TOKEN_ID, token.id);
    return me();
}

export async function signOut() {
    const id = sessionStorage.getItem(TOKEN_ID);
    try {
        if (id) {
            await call(`manage/me/tokens/${encodeURIComponent(id)}`, {method: 'DELETE'});
        }
    } finally {
        forget();
    }
}

export const me = () => call('manage/me');

export const list = async (type, state) => (await call(`manage/${type}?state=${encodeURIComponent(state)}`)).items;
/** Published entries of a type with this review currency (current, due-soon, overdue, re-review-pending), soonest review first. */
export const listByCurrency = async (type, currency) => (await call(`manage/${type}?currency=${encodeURIComponent(currency)}`)).items;
/** The review queue, grouped by the server: {sections: [{id, state | currency, total, items}]}. */
export const queue = () => call('manage/queue');

/** The entry's workflow view with its latest content; its "etag" goes back in If-Match. */
export const entry = (type, slug) => call(entryPath(type, slug));

/** All of an entry's revisions, oldest first, read a page (500) at a time. */
export async function revisions(type, slug) {
    const first = await call(`${entryPath(type, slug)}/revisions?size=500`);
    const rest = await Promise.all(Array.from({length: Math.max(0, first.pages - 1)}, (_, i) =>
        call(`${entryPath(type, slug)}/revisions?size=500&page=${i + 2}`)));
    return [first, ...rest].flatMap(page => page.items);
}

export const diff = (type, slug) => call(`${entryPath(type, slug)}/diff`);

export const comments = async (type, slug) => (await call(`${entryPath(type, slug)}/comments`)).items;

/** The latest revision as the delivery API gives it to readers, with sanitised HTML for Markdown fields. */
export const preview = (type, slug) => call(`v1/${encodeURIComponent(type)}/${encodeURIComponent(slug)}?preview=true`);

let contentTypes = null;

/** The content types ({plural, title}) as GET /api/v1/schemas lists them: the console keeps no list of its own. */
export function types() {
    contentTypes ??= call('v1/schemas').then(list => list.items.filter(item => item.delivery)
        .map(item => ({plural: item.delivery.slice(item.delivery.lastIndexOf('/') + 1), title: item.title})));
    contentTypes.catch(() => { contentTypes = null; }); // a failed fetch is tried again next time
    return contentTypes;
}

let schemaFiles = null;

/**
 * The content model's JSON Schemas by file name ("exercise.schema.json": {contentType, schema}), as GET /api/v1/schemas
 * lists them; fetched once, since they change only when Sacrum is deployed again.
 */
export function schemas() {
    schemaFiles ??= call('v1/schemas').then(list => Promise.all(list.items.map(async item =>
        [item.$id.slice(item.$id.lastIndexOf('/') + 1), {contentType: item.contentType, schema: await call(item.self)}])))
        .then(Object.fromEntries);
    schemaFiles.catch(() => { schemaFiles = null; }); // a failed fetch is tried again next time
    return schemaFiles;
}

/** A workflow action (submit, approve, request-changes, publish); with an ETag, only if nobody changed the entry. */
export const act = (type, slug, action, body, etag) =>
    call(`${entryPath(type, slug)}/${action}`, {method: 'POST', body, headers: etag ? {'If-Match': etag} : {}});

export const edit = (type, slug, etag, content, changeNote) =>
    call(entryPath(type, slug), {method: 'PUT', body: {content, changeNote}, headers: {'If-Match': etag}});

// ---- authoring (issue #16) ----

let editingSchemas = {};

/** What a form needs about a type (GET manage/schemas/{plural}): its schemas, link fields, Markdown fields. */
export function editingSchema(plural) {
    editingSchemas[plural] ??= call(`manage/schemas/${encodeURIComponent(plural)}`);
    editingSchemas[plural].catch(() => { delete editingSchemas[plural]; });
    return editingSchemas[plural];
}

export const create = (type, content, changeNote) =>
    call(`manage/${encodeURIComponent(type)}`, {method: 'POST', body: {content, changeNote}});

/** Entries of a type whose slug contains the text (the first 50), for a link picker. */
export const search = async (type, text) =>
    (await call(`manage/${encodeURIComponent(type)}?size=50${text ? `&search=${encodeURIComponent(text)}` : ''}`)).items;

export const markdownPreview = markdown => call('manage/markdown/preview', {method: 'POST', body: {markdown}});

/** A content object's Markdown fields as delivery renders them: {path: html}. */
export const markdownFields = (type, content) =>
    call(`manage/markdown/fields/${encodeURIComponent(type)}`, {method: 'POST', body: content});

export const revision = (type, slug, number) => call(`${entryPath(type, slug)}/revisions/${number}`);

export const diffBetween = (type, slug, from, to) => call(`${entryPath(type, slug)}/diff?from=${from}&to=${to}`);

export const restore = (type, slug, number, etag) =>
    call(`${entryPath(type, slug)}/revisions/${number}/restore`, {method: 'POST', headers: {'If-Match': etag}});

/** Webhook subscriptions and deliveries (admins): recent ones, failures, and a redelivery. */
export const webhooks = async () => (await call('manage/webhooks')).items;
export const deliveries = async status =>
    (await call(`manage/webhooks/deliveries?limit=20${status ? `&status=${encodeURIComponent(status)}` : ''}`)).items;
export const redeliver = id => call(`manage/webhooks/deliveries/${encodeURIComponent(id)}/redeliver`, {method: 'POST'});
