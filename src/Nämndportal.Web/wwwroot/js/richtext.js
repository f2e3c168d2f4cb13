// The tjänsteskrivelse's rich-text editor (ADR 0006): a contenteditable area and a few commands. The server cleans
// every section to its allow-list on save, so nothing here is a security boundary; this only keeps the editor's own
// markup tidy and the selection where the user left it when a toolbar button takes the focus.

const ranges = new WeakMap();

export function init(element, html) {
  // Typing starts inside a paragraph, not as bare text beside the blocks that follow.
  element.innerHTML = html && html.trim() ? html : '<p><br></p>';
  if (element.dataset.richtextReady === 'true') {
    return;
  }
  element.dataset.richtextReady = 'true';
  element.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      const key = event.key.toLowerCase();
      if (key === 'b' || key === 'i') {
        event.preventDefault();
        run(element, key === 'b' ? 'bold' : 'italic');
      }
    }
  });
  const remember = () => {
    const selection = document.getSelection();
    if (selection && selection.rangeCount > 0 && element.contains(selection.getRangeAt(0).commonAncestorContainer)) {
      ranges.set(element, selection.getRangeAt(0).cloneRange());
    }
  };
  element.addEventListener('keyup', remember);
  element.addEventListener('mouseup', remember);
  element.addEventListener('input', remember);
  element.addEventListener('blur', remember);
}

export function getHtml(element) {
  const copy = element.cloneNode(true);
  // Chromium's own editing leaves inline styles and spans behind (e.g. when two paragraphs are joined).
  copy.querySelectorAll('[style]').forEach((node) => node.removeAttribute('style'));
  copy.querySelectorAll('span, font').forEach((node) => node.replaceWith(...node.childNodes));
  copy.querySelectorAll('div').forEach((node) => {
    const paragraph = document.createElement('p');
    paragraph.append(...node.childNodes);
    node.replaceWith(paragraph);
  });
  // A list or table made inside a paragraph is not valid HTML: lift it out.
  copy.querySelectorAll('p').forEach((node) => {
    if (node.querySelector('ul, ol, table, h2, h3, h4, p')) {
      node.replaceWith(...node.childNodes);
    }
  });
  // Text typed straight into the area, outside any block, becomes a paragraph.
  let loose = null;
  Array.from(copy.childNodes).forEach((node) => {
    const inline = node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && /^(B|STRONG|I|EM|A|BR)$/.test(node.tagName));
    if (!inline) {
      loose = null;
      return;
    }
    if (!loose) {
      if (node.nodeType === Node.TEXT_NODE && !node.textContent.trim()) {
        return;
      }
      loose = document.createElement('p');
      node.before(loose);
    }
    loose.appendChild(node);
  });
  return copy.innerHTML;
}

export function command(element, name) {
  restore(element);
  switch (name) {
    case 'heading': {
      const block = currentBlock(element);
      run(element, 'formatBlock', block && block.tagName === 'H3' ? 'p' : 'h3');
      break;
    }
    case 'bold':
    case 'italic':
      run(element, name);
      break;
    case 'bullets':
      run(element, 'insertUnorderedList');
      break;
    case 'numbers':
      run(element, 'insertOrderedList');
      break;
    case 'link':
      link(element);
      break;
    case 'table':
      table(element);
      break;
    default:
      break;
  }
  ranges.set(element, document.getSelection().rangeCount > 0 ? document.getSelection().getRangeAt(0).cloneRange() : undefined);
}

function run(element, name, value) {
  document.execCommand('defaultParagraphSeparator', false, 'p');
  document.execCommand('styleWithCSS', false, false);
  document.execCommand(name, false, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

function restore(element) {
  element.focus();
  const range = ranges.get(element);
  if (range) {
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
}

function currentBlock(element) {
  const selection = document.getSelection();
  let node = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).startContainer : null;
  while (node && node !== element) {
    if (node.nodeType === Node.ELEMENT_NODE && /^(P|H2|H3|H4|LI|TD|TH)$/.test(node.tagName)) {
      return node;
    }
    node = node.parentNode;
  }
  return null;
}

function link(element) {
  const range = ranges.get(element);
  const address = window.prompt('Länkens adress (https://…, http://… eller mailto:…)', 'https://');
  restore(element);
  if (!address || address === 'https://') {
    return;
  }
  if (!/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(address.trim())) {
    window.alert('Länken måste börja med https://, http:// eller mailto:.');
    return;
  }
  if (!range || range.collapsed) {
    const anchor = document.createElement('a');
    anchor.href = address.trim();
    anchor.textContent = address.trim();
    run(element, 'insertHTML', anchor.outerHTML);
  } else {
    run(element, 'createLink', address.trim());
  }
}

// A new table with a header row and two rows, or, with the caret in a table, one more row under the current one.
function table(element) {
  const cell = currentBlock(element);
  const row = cell && (cell.tagName === 'TD' || cell.tagName === 'TH') ? cell.parentNode : null;
  if (row) {
    const added = document.createElement('tr');
    for (let i = 0; i < row.children.length; i++) {
      const td = document.createElement('td');
      td.innerHTML = '<br>';
      added.appendChild(td);
    }
    const body = row.parentNode.tagName === 'THEAD' ? row.closest('table').querySelector('tbody') : row.parentNode;
    if (body && row.parentNode === body) {
      row.after(added);
    } else if (body) {
      body.prepend(added);
    }
    element.dispatchEvent(new Event('input', { bubbles: true }));
    return;
  }
  run(element, 'insertHTML',
    '<table><thead><tr><th>Rubrik</th><th>Rubrik</th></tr></thead>' +
    '<tbody><tr><td><br></td><td><br></td></tr><tr><td><br></td><td><br></td></tr></tbody></table><p><br></p>');
}
