/** Widget entry: defines `<broadsheet-cards>` unless the page already has it (the script may be included twice). */
import { BroadsheetCards } from './broadsheet-cards.ts'

export type { BroadsheetErrorDetail, BroadsheetLoadDetail } from './broadsheet-events.ts'
export { BroadsheetCards }

if (!customElements.get('broadsheet-cards')) customElements.define('broadsheet-cards', BroadsheetCards)
