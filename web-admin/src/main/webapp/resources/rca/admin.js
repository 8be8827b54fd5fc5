// The admin UI's only script: copy buttons, Ajax buttons, the upload page's polling and its timeline chart. Pages
// work without it, minus these (an Ajax button then submits its form). No page has inline script or handlers: the
// Content-Security-Policy allows scripts from the server only.
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

// A destructive button asks first: data-confirm holds the question (runs before the other click handlers).
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-confirm]');
    if (button && !window.confirm(button.getAttribute('data-confirm'))) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);

// A button marked data-ajax-render sends its form by Ajax and re-renders those ids (data-ajax-execute: what is
// processed, the button alone by default), the way f:ajax would without its inline handler.
function rcaAjax(button, event) {
    window.faces.ajax.request(button, event, {
        execute: button.getAttribute('data-ajax-execute') || button.id,
        render: button.getAttribute('data-ajax-render'),
        // What f:ajax sends: the button's action then fires without a click event (the poll has none).
        'jakarta.faces.behavior.event': 'action'
    });
}
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-ajax-render]');
    if (button && window.faces && window.faces.ajax) {
        event.preventDefault();
        rcaAjax(button, event);
    }
});

// Presses the hidden button marked data-poll every second until the element it names says the upload is final.
function rcaPoll() {
    var button = document.querySelector('[data-poll]');
    if (!button) {
        return;
    }
    var liveId = button.getAttribute('data-poll');
    var tick = function () {
        var live = document.getElementById(liveId);
        if (live && live.getAttribute('data-final') !== 'true') {
            rcaAjax(button, null);
            window.setTimeout(tick, 1000);
        }
    };
    window.setTimeout(tick, 1000);
}
document.addEventListener('DOMContentLoaded', rcaPoll);

// The upload page's timeline (ECharts, served from the WAR): events per bucket stacked by level, bursts shaded.
// The figures come from the element's data-timeline; without script the page still lists bursts and suspects.
var RCA_LEVEL_COLOURS = {FATAL: '#7f1d1d', ERROR: '#dc2626', WARN: '#f59e0b', INFO: '#3b82f6', DEBUG: '#94a3b8',
    TRACE: '#cbd5e1', NONE: '#e5e7eb'};
function rcaTimeline() {
    var element = document.getElementById('timeline');
    if (!element || !window.echarts || element.getAttribute('data-drawn') === 'true') {
        return;
    }
    var data = JSON.parse(element.getAttribute('data-timeline'));
    if (!data.starts) {
        return;
    }
    var first = Date.parse(data.starts[0]);
    var width = data.bucketSeconds * 1000;
    var bucketOf = function (instant) {
        return Math.min(data.starts.length - 1, Math.max(0, Math.floor((Date.parse(instant) - first) / width)));
    };
    var areas = data.bursts.map(function (burst) {
        return [{xAxis: data.starts[bucketOf(burst.start)], name: burst.pattern},
            {xAxis: data.starts[bucketOf(burst.end)]}];
    });
    var series = Object.keys(data.levels).filter(function (level) {
        return data.levels[level].some(function (count) { return count > 0; });
    }).map(function (level, index) {
        var line = {name: level, type: 'bar', stack: 'events', data: data.levels[level], barCategoryGap: '10%',
            itemStyle: {color: RCA_LEVEL_COLOURS[level]}};
        if (index === 0 && areas.length > 0) {
            line.markArea = {silent: true, itemStyle: {color: 'rgba(220, 38, 38, 0.12)'}, data: areas};
        }
        return line;
    });
    var chart = window.echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
        animation: false,
        // Drawn on the canvas, not as HTML with inline styles (which the Content-Security-Policy refuses).
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, renderMode: 'richText'},
        legend: {top: 0},
        grid: {left: 48, right: 16, top: 32, bottom: 48},
        xAxis: {type: 'category', data: data.starts,
            axisLabel: {formatter: function (start) { return start.substring(11, 19); }}},
        yAxis: {type: 'value', minInterval: 1},
        series: series
    });
    element.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
}
document.addEventListener('DOMContentLoaded', rcaTimeline);
if (window.faces && window.faces.ajax) {
    window.faces.ajax.addOnEvent(function (event) {
        if (event.status === 'success') {
            rcaTimeline();
        }
    });
}
