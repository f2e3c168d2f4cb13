// The delegationsbeslut grid's keyboard step (no inline script: the CSP allows scripts from 'self' only). Enter in a row's
// last field goes to the next row's first field; in the last row, or with Ctrl+Enter anywhere, the server adds a row at
// the end. While that row is on its way, what the registrar types is kept here and put into its first field when it
// appears, so fast typing loses no keystroke to the round trip.
export function init(table) {
  if (!table || table.dataset.gridInit) {
    return;
  }
  table.dataset.gridInit = 'true';
  var pending = null;

  function rowAfter(row) {
    var next = row.nextElementSibling;
    while (next && !next.matches('tr[data-row]')) {
      next = next.nextElementSibling;
    }
    return next;
  }

  function deliver() {
    if (!pending) {
      return;
    }
    var row = table.querySelector('tr[data-row="' + pending.row + '"]');
    var inputs = row ? row.querySelectorAll('input') : [];
    if (inputs.length === 0) {
      if (Date.now() - pending.since > 5000) {
        pending = null;
      }
      return;
    }
    // The kept text, field by field as Tab separated it, typed in as the registrar would have (insertText is an edit
    // of the user's, so each field sends its change when focus leaves it, like any typing).
    var fields = pending.fields;
    pending = null;
    var last = Math.min(fields.length, inputs.length) - 1;
    for (var i = 0; i <= last; i++) {
      var input = inputs[i];
      input.focus();
      if (input.type === 'checkbox') {
        // Space toggles a checkbox, as it would have.
        if ((fields[i].split(' ').length - 1) % 2 === 1) {
          input.click();
        }
      } else {
        if (i > 0) {
          // A field reached by Tab has its text selected, so what is typed replaces it (the default date) — also when
          // the typing goes on after the row has arrived.
          input.select();
        }
        if (fields[i]) {
          document.execCommand('insertText', false, fields[i]);
        }
      }
    }
  }

  table.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) {
      return;
    }
    var row = event.target.closest('tr[data-row]');
    if (!row) {
      return;
    }
    var inputs = row.querySelectorAll('input');
    if (inputs[inputs.length - 1] !== event.target && !event.ctrlKey) {
      return;
    }
    event.preventDefault();
    var next = rowAfter(row);
    if (next && !event.ctrlKey) {
      var first = next.querySelector('input');
      if (first) {
        first.focus();
      }
      return;
    }
    var rows = table.querySelectorAll('tr[data-row]');
    pending = { row: String(Number(rows[rows.length - 1].dataset.row) + 1), fields: [''], since: Date.now() };
  });

  // While the new row is on its way, printable keys and Tab are kept for it rather than lost on the old row.
  document.addEventListener('keydown', function (event) {
    if (pending && event.ctrlKey && (event.key === 'a' || event.key === 'A')) {
      event.preventDefault(); // select-all in a field not there yet: the field's text is selected when the text arrives
      return;
    }
    if (!pending || event.ctrlKey || event.altKey || event.metaKey || (event.key.length !== 1 && event.key !== 'Tab')) {
      return;
    }
    if (event.key === 'Tab') {
      pending.fields.push('');
    } else {
      pending.fields[pending.fields.length - 1] += event.key;
    }
    event.preventDefault();
    event.stopPropagation();
  }, true);

  // Text that comes without a key event of its own (a character composed with a dead key or an input method, or one a
  // test tool inserts) is kept the same way.
  document.addEventListener('beforeinput', function (event) {
    if (!pending || !event.data || (event.inputType !== 'insertText' && event.inputType !== 'insertCompositionText')) {
      return;
    }
    pending.fields[pending.fields.length - 1] += event.data;
    event.preventDefault();
    event.stopPropagation();
  }, true);

  new MutationObserver(deliver).observe(table, { childList: true, subtree: true });
}
