// The review page's script, embedded in the page as a string (no framework, no network, no eval). It decodes
// the word table, puts each word's token index, times, confidence and PHI type on its element, follows the
// audio, runs the low-confidence queue and the corrections, and saves the corrections file.
// Kept as plain ES2020 text: it is not compiled, and it must never contain `</script`.

export const PAGE_SCRIPT = String.raw`(function () {
'use strict';
var $ = function (s) { return document.querySelector(s); };
var data = JSON.parse($('#page-data').textContent);
var w = data.w, n = w.n, q = w.q;
var words = document.querySelectorAll('#transcript i');
if (words.length !== n) throw new Error('word table mismatch: ' + words.length + ' elements, ' + n + ' entries');
var MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ#$%*+/', LAST = '0123456789abcdefghijklmnopqrstuv';
var si = 0, dj = 0;
var next = function (str, p) {
  var v = 0, c;
  for (;;) {
    c = str.charAt(p++);
    var m = MORE.indexOf(c);
    if (m < 0) return [v * 32 + LAST.indexOf(c), p];
    v = v * 32 + m;
  }
};
var idx = new Int32Array(n), start = new Float64Array(n), end = new Float64Array(n), conf = new Array(n);
var pos = new Map();
var k, at = -1, t = 0, ii = 0, ci = 0;
for (k = 0; k < n; k++) {
  var ch = w.i.charAt(ii);
  if (ch === '(') { var close = w.i.indexOf(')', ii); at += parseInt(w.i.slice(ii + 1, close), 36); ii = close + 1; }
  else { at += parseInt(ch, 36); ii++; }
  var cc = w.c.charAt(ci);
  if (cc === '_') { conf[k] = null; ci++; } else if (cc === '!') { conf[k] = 1; ci++; }
  else { conf[k] = parseInt(w.c.substr(ci, 2), 36) / 1000; ci += 2; }
  var g = next(w.s, si); si = g[1];
  var z = g[0] % 2 === 1 ? -(g[0] + 1) / 2 : g[0] / 2;
  var dv = next(w.d, dj); dj = dv[1];
  t += z * q;
  idx[k] = at; start[k] = t; t += dv[0] * q; end[k] = t;
  var el = words[k];
  el.setAttribute('data-i', at);
  el.setAttribute('data-s', start[k]);
  if (conf[k] !== null) el.setAttribute('data-c', conf[k]);
  var phi = data.phi[k];
  if (phi !== undefined) el.setAttribute('data-phi', phi);
  pos.set(at, k);
}
words = Array.prototype.slice.call(words);
var kOf = function (el) { return pos.get(Number(el.getAttribute('data-i'))); };
/** The text each corrected word had before its first correction (read when it is first edited). */
var original = new Map();
var edits = new Map();
var audio = $('#audio');
var status = $('#status');
var say = function (text) { status.textContent = text; };
var clock = function (ms) {
  var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
  var p = function (x) { return (x < 10 ? '0' : '') + x; };
  return p(h) + ':' + p(m) + ':' + p(s % 60);
};

// Audio: the word being spoken, click to seek, speed.
var current = -1;
var wordAt = function (ms) {
  var lo = 0, hi = n - 1, best = -1;
  while (lo <= hi) { var mid = (lo + hi) >> 1; if (start[mid] <= ms) { best = mid; lo = mid + 1; } else hi = mid - 1; }
  return best;
};
var mark = function (k) {
  if (k === current) return;
  if (current >= 0) words[current].classList.remove('cur');
  current = k;
  if (k >= 0) {
    words[k].classList.add('cur');
    if ($('#follow') && $('#follow').checked) words[k].scrollIntoView({ block: 'nearest' });
  }
};
var seek = function (ms) {
  if (!audio) return;
  audio.currentTime = ms / 1000;
  mark(wordAt(ms));
};
if (audio) {
  var follow = function () {
    mark(wordAt(audio.currentTime * 1000));
    if (!audio.paused) requestAnimationFrame(follow);
  };
  audio.addEventListener('play', function () { requestAnimationFrame(follow); });
  audio.addEventListener('seeked', follow);
  audio.addEventListener('timeupdate', follow);
  var speed = $('#speed');
  speed.addEventListener('change', function () { audio.playbackRate = Number(speed.value); });
}
var shift = function (d) {
  var s = $('#speed');
  if (!s) return;
  var i = Math.min(s.options.length - 1, Math.max(0, s.selectedIndex + d));
  s.selectedIndex = i; audio.playbackRate = Number(s.value); say('Speed ' + s.value + '×');
};

// Tooltip: time, confidence, PHI type and alternatives of the word under the pointer or focus.
var tip = $('#tip');
var showTip = function (el) {
  var k = kOf(el);
  var lines = [clock(start[k]) + (conf[k] === null ? '' : ' · confidence ' + Math.round(conf[k] * 100) + '%')];
  if (el.dataset.phi) lines.push('PHI: ' + el.dataset.phi);
  if (edits.has(k)) lines.push('Corrected from: ' + original.get(k));
  var alts = data.alt[k];
  if (alts) lines.push('Alternatives: ' + alts.join(' · '));
  for (var j = 0; j < data.seg.length; j++) {
    var sg = data.seg[j];
    if (k >= sg[0] && k <= sg[1]) lines.push('Segment alternatives: ' + sg[2].join(' | '));
  }
  tip.textContent = '';
  lines.forEach(function (l) { var d = document.createElement('div'); d.textContent = l; tip.appendChild(d); });
  var r = el.getBoundingClientRect();
  tip.hidden = false;
  tip.style.left = Math.max(4, Math.min(window.innerWidth - tip.offsetWidth - 4, r.left + window.scrollX)) + 'px';
  tip.style.top = (r.bottom + window.scrollY + 6) + 'px';
  el.setAttribute('aria-describedby', 'tip');
};
var hideTip = function (el) { tip.hidden = true; if (el) el.removeAttribute('aria-describedby'); };
var isWord = function (el) { return el && el.tagName === 'I' && el.hasAttribute('data-i'); };
var body = $('#transcript');
body.addEventListener('mouseover', function (e) { if (isWord(e.target)) showTip(e.target); });
body.addEventListener('mouseout', function (e) { if (isWord(e.target)) hideTip(e.target); });
body.addEventListener('focusin', function (e) { if (isWord(e.target)) showTip(e.target); });
body.addEventListener('focusout', function (e) { if (isWord(e.target)) hideTip(e.target); });

// Corrections: edit a word in place (double-click, or Enter on a focused word).
var editing = null;
var counts = function () {
  $('#edit-count').textContent = String(edits.size);
};
var edit = function (el) {
  if (data.redacted) { say('Words of a redacted page cannot be corrected'); return; }
  if (editing) return;
  editing = el;
  var ek = kOf(el);
  if (!original.has(ek)) original.set(ek, el.textContent);
  el.contentEditable = 'true';
  el.setAttribute('role', 'textbox');
  el.setAttribute('aria-label', 'Correct the word');
  el.focus();
  var range = document.createRange(); range.selectNodeContents(el);
  var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
};
var finish = function (keep) {
  var el = editing;
  if (!el) return;
  editing = null;
  el.contentEditable = 'false';
  el.removeAttribute('role'); el.removeAttribute('aria-label');
  var k = kOf(el);
  var text = el.textContent.replace(/\s+/g, ' ').trim();
  var before = edits.has(k) ? edits.get(k) : original.get(k);
  if (!keep || text === '') text = before;
  el.textContent = text;
  if (text === original.get(k)) { edits.delete(k); el.classList.remove('e'); }
  else { edits.set(k, text); el.classList.add('e'); }
  counts();
  say(edits.has(k) ? 'Word corrected' : 'Word unchanged');
};
body.addEventListener('dblclick', function (e) { if (isWord(e.target)) { e.preventDefault(); edit(e.target); } });
body.addEventListener('click', function (e) {
  var el = e.target;
  if (editing) return;
  if (isWord(el)) { seek(start[kOf(el)]); return; }
  if (el.classList && el.classList.contains('ts')) seek(Number(el.parentNode.dataset.s));
});
body.addEventListener('keydown', function (e) {
  if (editing) {
    if (e.key === 'Enter') { e.preventDefault(); finish(true); editing || e.target.focus(); }
    else if (e.key === 'Escape') { e.preventDefault(); var el = editing; finish(false); el.focus(); }
    e.stopPropagation();
    return;
  }
  if (e.key === 'Enter' && isWord(e.target)) { e.preventDefault(); edit(e.target); e.stopPropagation(); }
});
body.addEventListener('focusout', function (e) { if (editing && e.target === editing) finish(true); });

// The low-confidence queue.
var queue = Array.prototype.map.call(document.querySelectorAll('#transcript i.l'), kOf);
var qat = -1;
var go = function (q) {
  if (queue.length === 0) { say('No low-confidence words'); return; }
  qat = (q + queue.length) % queue.length;
  var el = words[queue[qat]];
  var old = document.querySelector('#transcript .q');
  if (old) old.classList.remove('q');
  el.classList.add('q');
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center' });
  if (audio) seek(start[queue[qat]]);
  $('#queue-pos').textContent = (qat + 1) + ' of ' + queue.length;
};
$('#queue-next').addEventListener('click', function () { go(qat + 1); });
$('#queue-prev').addEventListener('click', function () { go(qat < 0 ? -1 : qat - 1); });
$('#queue-edit').addEventListener('click', function () { if (qat >= 0) edit(words[queue[qat]]); else say('Choose a word first'); });
var jump = function (k) { var q = queue.indexOf(k); if (q >= 0) go(q); else { words[k].scrollIntoView({ block: 'center' }); seek(start[k]); } };
document.addEventListener('click', function (e) {
  var a = e.target.closest ? e.target.closest('[data-jump]') : null;
  if (a) { e.preventDefault(); jump(Number(a.getAttribute('data-jump'))); }
});

// Speakers: a new name shows everywhere at once.
var names = {};
Array.prototype.forEach.call(document.querySelectorAll('input[data-rename]'), function (input) {
  input.addEventListener('input', function () {
    var id = input.getAttribute('data-rename');
    var name = input.value.trim();
    var shown = name === '' ? input.getAttribute('data-label') : name;
    if (name === '' || name === input.getAttribute('data-label')) delete names[id]; else names[id] = name;
    Array.prototype.forEach.call(document.querySelectorAll('[data-spk]'), function (el) {
      if (el.getAttribute('data-spk') === id) el.textContent = shown;
    });
  });
});

// HealthScribe summary: a sentence's evidence highlighted and scrolled to.
Array.prototype.forEach.call(document.querySelectorAll('button[data-ev]'), function (b) {
  b.addEventListener('click', function () {
    Array.prototype.forEach.call(document.querySelectorAll('#transcript .ev'), function (el) { el.classList.remove('ev'); });
    var first = null;
    data.ev[Number(b.getAttribute('data-ev'))].forEach(function (r) {
      for (var i = r[0]; i < r[1]; i++) {
        var k = pos.get(i);
        if (k === undefined) continue;
        words[k].classList.add('ev');
        if (first === null) first = k;
      }
    });
    if (first !== null) { words[first].scrollIntoView({ block: 'center' }); seek(start[first]); say('Evidence highlighted'); }
  });
});

// Download corrections: a small JSON file, made here; nothing is sent anywhere.
$('#download').addEventListener('click', function () {
  if (editing) finish(true);
  var reviewer = $('#reviewer').value.trim();
  var out = {
    format: 'scribekit-corrections',
    version: 1,
    contentHash: data.hash,
    tokens: data.tokens,
    words: Array.from(edits.keys()).sort(function (a, b) { return a - b; }).map(function (k) {
      return { index: idx[k], original: original.get(k), text: edits.get(k) };
    }),
    speakers: names,
    reviewed: $('#reviewed').checked,
    reviewer: reviewer === '' ? null : reviewer,
    savedAt: new Date().toISOString()
  };
  var blob = new Blob([JSON.stringify(out, null, 2) + '\n'], { type: 'application/json' });
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = data.base + '.corrections.json';
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  say('Corrections saved: ' + out.words.length + ' words');
});

// Keys: space play/pause, arrows ±5 s, n/j next and p/k previous low-confidence word, [ ] speed, e edit.
document.addEventListener('keydown', function (e) {
  var el = e.target;
  if (editing || e.ctrlKey || e.metaKey || e.altKey) return;
  if (el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.tagName === 'BUTTON' || el.tagName === 'AUDIO' || el.tagName === 'A')) return;
  var key = e.key;
  if (key === 'n' || key === 'j') go(qat + 1);
  else if (key === 'p' || key === 'k') go(qat < 0 ? -1 : qat - 1);
  else if (key === 'e' && isWord(el)) edit(el);
  else if (audio && key === ' ') { if (audio.paused) audio.play(); else audio.pause(); }
  else if (audio && key === 'ArrowLeft') seek(Math.max(0, audio.currentTime * 1000 - 5000));
  else if (audio && key === 'ArrowRight') seek(audio.currentTime * 1000 + 5000);
  else if (audio && key === '[') shift(-1);
  else if (audio && key === ']') shift(1);
  else return;
  e.preventDefault();
});
counts();
document.documentElement.setAttribute('data-ready', String(n));
})();
`;
