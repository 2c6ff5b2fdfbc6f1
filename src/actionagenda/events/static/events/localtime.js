// Rewrites <time data-localtime datetime="...Z"> to the visitor's own time zone; the server-rendered UTC text
// stays when scripts are off.
(function () {
  "use strict";
  // The date-time style of the pages (actionagenda/formats): "8 December 2026 at 13:00", "8 décembre 2026 à
  // 13:00", "8 de diciembre de 2026 a las 13:00", here followed by the visitor's time zone. British English
  // writes the day first, as the pages do.
  var lang = {en: "en-GB"}[document.documentElement.lang] || document.documentElement.lang || undefined;
  var format;
  try {
    format = new Intl.DateTimeFormat(lang, {year: "numeric", month: "long", day: "numeric", hour: "2-digit",
                                            minute: "2-digit", hourCycle: "h23", timeZoneName: "short"});
  } catch (error) {
    return;
  }
  document.querySelectorAll("time[data-localtime]").forEach(function (element) {
    var moment = new Date(element.getAttribute("datetime"));
    if (isNaN(moment.getTime())) { return; }
    element.title = element.textContent.trim();
    element.textContent = format.format(moment);
    element.setAttribute("data-localised", "");
  });
  document.querySelectorAll("[data-localtime-note]").forEach(function (element) {
    element.hidden = false;
  });
})();
