// The evaluation criteria picker: a filter by code or words over the checkboxes (the page lists
// every criterion without scripts). Chosen criteria stay visible whatever the filter says.
export function initCriteriaPickers () {
  for (const picker of document.querySelectorAll('[data-module="app-criteria-picker"]')) {
    const wrapper = picker.querySelector('.app-criteria-picker__filter')
    const input = picker.querySelector('[data-criteria-filter]')
    if (!wrapper || !input) continue
    wrapper.hidden = false
    const items = [...picker.querySelectorAll('[data-criterion]')]
    input.addEventListener('input', () => {
      const words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
      for (const item of items) {
        const text = item.dataset.criterion.toLowerCase()
        const checked = item.querySelector('input').checked
        // GOV.UK's checkbox item sets its own display, which outranks the hidden attribute: use its display-none override.
        item.classList.toggle('govuk-!-display-none', !checked && !words.every(word => text.includes(word)))
      }
    })
  }
}
