/** The route table's slot for `/widget.js` until the widget's own handler (routes/widget-script.ts) takes it. */
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'

/** 404 until the widget build is wired in: replace this import in routes.ts with the widget-script handler. */
export const widgetScriptSlot: RouteHandler = () => {
  throw notFound('The widget script is not built into this deployment.')
}
