// Rewrites <time data-localtime datetime="...Z"> to the visitor's own time zone; the server-rendered UTC text
// stays when scripts are off.
(function () {
  "use strict";
  var lang = document.documentElement.lang || undefined;
  var format;
  try {
    format = new Intl.DateTimeFormat(lang, {weekday: "long", year: "numeric", month: "long", day: "numeric",
                                            hour: "2-digit", minute: "2-digit", timeZoneName: "short"});
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
