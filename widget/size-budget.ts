/** The widget's size budget: widget.js at most this many bytes after gzip level 9 (partners load it on every page). */
export const WIDGET_GZIP_BUDGET = 10 * 1024
