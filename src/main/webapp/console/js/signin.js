import * as api from './api.js';
import {errorSlot, field, h, showProblem} from './dom.js';

/** The sign-in form; onSignedIn(person) runs once a console token is issued. */
export function signInView(onSignedIn) {
    const username = h('input', {type: 'text', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false'});
    const password = h('input', {type: 'password', name: 'password', autocomplete: 'current-password', required: true});
    const submit = h('button', {type: 'submit', class: 'primary'}, 'Sign in');
    const errors = errorSlot();

    async function signIn(event) {
        event.preventDefault();
        submit.disabled = true;
        showProblem(errors, null);
        try {
            const person = await api.signIn(username.value.trim(), password.value);
            password.value = '';
            onSignedIn(person);
        } catch (error) {
            showProblem(errors, error);
            password.focus();
        } finally {
            submit.disabled = false;
        }
    }

    return {
        title: 'Sign in',
        content: h('section', {class: 'panel narrow', 'aria-labelledby': 'page-title'},
            h('h1', {id: 'page-title', tabindex: '-1'}, 'Sign in'),
            h('p', {}, 'Authors, clinicians and publishers sign in with their Sacrum username and password. '
                + 'The console keeps a one-day token in this browser tab only, and signing out revokes it.'),
            h('form', {id: 'sign-in', onsubmit: signIn},
                field('username', 'Username', username),
                field('password', 'Password', password),
                errors,
                h('div', {class: 'form-actions'}, submit)))
    };
}
