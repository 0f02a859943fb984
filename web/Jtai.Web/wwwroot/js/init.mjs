// Progressive enhancement only: every page works without it.
import { initAll as initGovuk } from '/lib/govuk-frontend/govuk-frontend.min.js'
import { initAll as initMoj } from '/lib/moj-frontend/moj-frontend.min.js'
import { initCriteriaPickers } from '/js/criteria-filter.mjs'

initGovuk()
initMoj()
initCriteriaPickers()
