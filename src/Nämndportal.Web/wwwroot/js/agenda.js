// The agenda builder's small browser helpers (no inline script: the CSP allows scripts from 'self' only).

// Firefox starts a native drag only when the drag carries data; Blazor cannot set it, so the list does.
export function init(list) {
  if (!list || list.dataset.agendaInit) {
    return;
  }
  list.dataset.agendaInit = 'true';
  list.addEventListener('dragstart', function (event) {
    var item = event.target instanceof Element ? event.target.closest('[data-item-id]') : null;
    if (item && event.dataTransfer) {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', item.dataset.itemId);
    }
  });
}

// Keeps keyboard focus on the moved item's button after the list was re-rendered in its new order.
export function focusById(id, fallbackId) {
  var element = document.getElementById(id);
  if (!element || element.disabled) {
    element = document.getElementById(fallbackId);
  }
  if (element) {
    element.focus();
  }
}
