/* drivelog pages: the reader's language and time zone (docs/REPORT.md, "Language and time zone").
   The server wrote the page in one language and zone; where the settings say "auto", the browser's
   language (Japanese for ja*, else English) and time zone are used instead. */
(function () {
  'use strict';
  var block = document.getElementById('i18n-settings');
  if (!block) { return; }
  var settings = JSON.parse(block.textContent);
  var wanted = settings.language;
  if (wanted === 'auto') {
    var browser = ((navigator.languages && navigator.languages[0]) || navigator.language || 'en').toLowerCase();
    wanted = browser.indexOf('ja') === 0 ? 'ja' : 'en';
  }
  var texts = settings.messages[wanted] || settings.messages.en;
  document.documentElement.lang = wanted;
  document.documentElement.setAttribute('data-language', wanted);
  if (wanted !== settings.rendered) {
    var labelled = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < labelled.length; i++) {
      var text = texts[labelled[i].getAttribute('data-i18n')];
      if (text !== undefined) { labelled[i].textContent = text; }
    }
  }
  var options = { year: 'numeric', month: '2-digit', day: '2-digit' };
  if (settings.timeZone !== 'auto') { options.timeZone = settings.timeZone; }
  var locale = wanted === 'ja' ? 'ja-JP' : 'en-CA';
  var dateFormat = new Intl.DateTimeFormat(locale, options);
  var full = Object.assign({ hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }, options);
  var dateTimeFormat = new Intl.DateTimeFormat(locale, full);
  var clockOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
  if (settings.timeZone !== 'auto') { clockOptions.timeZone = settings.timeZone; }
  var clockFormat = new Intl.DateTimeFormat(locale, clockOptions);
  var zone = dateTimeFormat.resolvedOptions().timeZone;
  document.documentElement.setAttribute('data-time-zone', zone);
  var times = document.querySelectorAll('time[data-epoch]');
  for (var j = 0; j < times.length; j++) {
    var at = new Date(Number(times[j].getAttribute('data-epoch')) * 1000);
    var kind = times[j].getAttribute('data-format');
    var format = kind === 'date' ? dateFormat : kind === 'clock' ? clockFormat : dateTimeFormat;
    times[j].textContent = format.format(at).replace(',', '');
  }
}());
