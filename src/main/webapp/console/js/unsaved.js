// Unsaved changes: the screen that has some registers a check; leaving the page (closing it, reloading) or the screen
// (another #/ fragment) asks first.
let check = null;

/** has(): true while the screen holds changes not yet saved. Replaces the previous screen's check. */
export function watch(has) {
    check = has;
}

export function release() {
    check = null;
}

export const unsaved = () => check?.() === true;

/** Whether the person agrees to leave a screen with unsaved changes (true at once when there are none). */
export function mayLeave() {
    if (!unsaved()) {
        return true;
    }
    if (window.confirm('You have unsaved changes. Leave this page and lose them?')) {
        release();
        return true;
    }
    return false;
}

window.addEventListener('beforeunload', event => {
    if (unsaved()) {
        event.preventDefault();
        event.returnValue = '';
    }
});
