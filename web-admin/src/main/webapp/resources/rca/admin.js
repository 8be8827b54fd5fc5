// The admin UI's only script: copy buttons and the upload page's polling. Pages work without it, minus both.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
        return;
    }
    var field = document.getElementById(button.getAttribute('data-copy'));
    field.select();
    var done = function () { button.textContent = 'Copied'; };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
    } else {
        document.execCommand('copy');
        done();
    }
});

// Calls the page's h:commandScript every second until the element marked data-live says the upload is final.
function rcaPoll(refresh, liveId) {
    var tick = function () {
        var live = document.getElementById(liveId);
        if (live && live.getAttribute('data-final') !== 'true') {
            refresh();
            window.setTimeout(tick, 1000);
        }
    };
    window.setTimeout(tick, 1000);
}
