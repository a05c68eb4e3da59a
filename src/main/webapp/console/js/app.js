import * as api from './api.js';
import {announce, h, problem, replace} from './dom.js';
import {entryView} from './entry.js';
import {queueView} from './queue.js';
import {signInView} from './signin.js';
import {webhooksView} from './webhooks.js';

// Screens live in the URL fragment: #/ is the queue, #/entry/{type}/{slug} one entry.
const main = document.getElementById('main');
let me = null;
let shown = 0;

/** Loads and shows the current screen. Only the latest call draws: a slower, earlier load is dropped. */
async function show({focus = true} = {}) {
    const call = ++shown;
    const view = await load();
    if (call !== shown) {
        return;
    }
    renderAccount();
    document.title = `${view.title} – Sacrum review console`;
    replace(main, view.content);
    if (focus) {
        document.getElementById('page-title')?.focus();
    }
}

async function load() {
    if (!api.signedIn()) {
        me = null;
        return signInView(person => {
            me = person;
            announce(`Signed in as ${person.displayName}.`);
            show();
        });
    }
    try {
        me ??= await api.me();
        const [, screen, plural, slug] = location.hash.split('/');
        if (screen === 'entry' && (await api.types()).some(type => type.plural === plural) && slug) {
            const done = async message => {
                await show();
                announce(message);
            };
            return await entryView({plural, slug: decodeURIComponent(slug), me, done, reload: () => show()});
        }
        if (screen === 'webhooks' && me.roles.includes('admin')) {
            return await webhooksView(message => show().then(() => announce(message)));
        }
        return await queueView();
    } catch (error) {
        return api.signedIn() ? errorView(error) : load();
    }
}

const errorView = error => ({
    title: 'Error',
    content: [h('h1', {id: 'page-title', tabindex: '-1'}, 'This page could not be loaded'), problem(error),
        h('p', {}, h('a', {href: '#/'}, 'Back to the review queue'))]
});

function renderAccount() {
    document.getElementById('nav').hidden = me === null;
    document.getElementById('nav-webhooks').hidden = !me?.roles.includes('admin');
    replace(document.getElementById('account'), me === null ? null : [
        h('span', {class: 'who'}, 'Signed in as ', h('strong', {}, me.displayName), ` (${me.roles.join(', ')})`),
        h('button', {type: 'button', class: 'secondary', id: 'sign-out', onclick: signOut}, 'Sign out')]);
}

async function signOut() {
    try {
        await api.signOut();
        announce('Signed out.');
    } catch (error) {
        announce(`Signed out here; the server could not revoke the token: ${error.message}`);
    }
    show();
}

window.addEventListener('hashchange', () => {
    announce('');
    show();
});
window.addEventListener('sacrum:signed-out', () => announce('Your session has ended; sign in again.'));
// The skip link must not change the fragment, which names the screen.
document.getElementById('skip-link').addEventListener('click', event => {
    event.preventDefault();
    main.focus();
});
show({focus: false});
