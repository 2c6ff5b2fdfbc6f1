"""One date style and one date-time style per language (FORMAT_MODULE_PATH): every page, e-mail and the events'
script (events/localtime.js, which writes the same styles with Intl.DateTimeFormat) show dates this way. The short
formats are the same on purpose: a table shows a date as a paragraph does."""
