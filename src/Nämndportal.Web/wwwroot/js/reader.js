// The meeting reader's PDF viewer (läsläge, ADR 0008): pdf.js from the portal's own wwwroot/lib/pdfjs, loaded through
// Blazor JS interop. No inline script and no eval (CSP script-src 'self'); the worker is a file of the portal too.
//
// .NET is told: OnDocumentLoaded(pageCount), OnPageChanged(page), OnFindResult(found), OnSelection(selection),
// OnShortcut(name), OnError(message).

const LIB = new URL('../lib/pdfjs/', import.meta.url).href;
const CONTEXT_CHARS = 100;

let libraries = null;

async function loadLibraries() {
  if (!libraries) {
    libraries = (async () => {
      const pdfjsLib = await import(LIB + 'pdf.min.mjs');
      // pdf_viewer.mjs reads the library from globalThis.
      globalThis.pdfjsLib = pdfjsLib;
      pdfjsLib.GlobalWorkerOptions.workerSrc = LIB + 'pdf.worker.min.mjs';
      const viewer = await import(LIB + 'pdf_viewer.mjs');
      // One worker for every document the page opens: without it getDocument starts a new worker (and parses the
      // worker's 1 MB of script again) at each handling, which was most of the time to a long handling's first page.
      const worker = new pdfjsLib.PDFWorker({ name: 'naemndportal-reader' });
      return { pdfjsLib, viewer, worker };
    })();
  }
  return libraries;
}

class Reader {
  constructor(container, dotnet, lib) {
    this.container = container;
    this.dotnet = dotnet;
    this.lib = lib;
    this.loadingTask = null;
    this.document = null;
    this.selectionTimer = 0;
    this.lastSelection = '';

    const { EventBus, PDFLinkService, PDFFindController, PDFViewer } = lib.viewer;
    this.eventBus = new EventBus();
    this.linkService = new PDFLinkService({ eventBus: this.eventBus });
    this.findController = new PDFFindController({ eventBus: this.eventBus, linkService: this.linkService });
    this.viewer = new PDFViewer({
      container,
      viewer: container.querySelector('.pdfViewer'),
      eventBus: this.eventBus,
      linkService: this.linkService,
      findController: this.findController,
      textLayerMode: 1,
      removePageBorders: false,
    });
    this.linkService.setViewer(this.viewer);

    this.eventBus.on('pagesinit', () => {
      this.viewer.currentScaleValue = 'page-width';
    });
    this.eventBus.on('pagechanging', (event) => {
      this.notify('OnPageChanged', event.pageNumber);
    });
    this.eventBus.on('pagerendered', (event) => {
      // Only the open document's pages: a page of the one just closed may still finish while the next one loads.
      if (this.document) {
        container.dataset.renderedPage = String(event.pageNumber);
        container.dataset.renderedUrl = this.url;
      }
    });
    this.eventBus.on('updatefindcontrolstate', (event) => {
      // 0 found, 1 not found, 2 found after wrapping, 3 pending.
      if (event.state !== 3) {
        this.notify('OnFindResult', event.state !== 1);
      }
    });

    this.onResize = () => {
      if (this.document) {
        this.viewer.currentScaleValue = 'page-width';
      }
    };
    this.onSelectionChange = () => {
      clearTimeout(this.selectionTimer);
      this.selectionTimer = setTimeout(() => this.reportSelection(), 250);
    };
    this.onKeyDown = (event) => this.shortcut(event);
    window.addEventListener('resize', this.onResize);
    document.addEventListener('selectionchange', this.onSelectionChange);
    document.addEventListener('keydown', this.onKeyDown);
  }

  notify(method, ...args) {
    this.dotnet.invokeMethodAsync(method, ...args).catch(() => { /* the page was left */ });
  }

  async open(url) {
    this.lastSelection = '';
    await this.close();
    delete this.container.dataset.renderedPage;
    delete this.container.dataset.renderedUrl;
    this.url = url;
    const task = this.lib.pdfjsLib.getDocument({
      url,
      worker: this.lib.worker,
      // Fetch by range (HTTP 206): the first page of a long handling shows before the rest has arrived. But pdf.js also
      // checks the last page before the first is shown, and with a flat page tree (one /Kids array of every page, as
      // PDFsharp and many scanners write it) it reads every page's dictionary on the way: most of the file. So chunks of
      // 256 KiB, not 64: a fifth of the requests (each one checks access), 0.9 s to 0.65 s for 200 pages on loopback.
      disableAutoFetch: true,
      disableStream: true,
      rangeChunkSize: 262144,
      isEvalSupported: false,
      enableXfa: false,
      standardFontDataUrl: LIB + 'standard_fonts/',
    });
    this.loadingTask = task;
    try {
      const pdf = await task.promise;
      if (this.loadingTask !== task) {
        pdf.destroy();
        return 0;
      }
      this.document = pdf;
      this.viewer.setDocument(pdf);
      this.linkService.setDocument(pdf, null);
      this.notify('OnDocumentLoaded', pdf.numPages);
      return pdf.numPages;
    } catch (error) {
      if (this.loadingTask === task) {
        this.notify('OnError', error && error.name === 'MissingPDFException'
          ? 'Dokumentet finns inte, eller så saknar du behörighet att läsa det.'
          : 'Dokumentet kunde inte visas.');
      }
      return 0;
    }
  }

  async close() {
    const task = this.loadingTask;
    this.loadingTask = null;
    if (this.document) {
      this.viewer.setDocument(null);
      this.linkService.setDocument(null, null);
      this.document = null;
    }
    if (task) {
      await task.destroy();
    }
  }

  goToPage(page) {
    if (this.document && page >= 1 && page <= this.document.numPages) {
      this.viewer.currentPageNumber = page;
    }
  }

  find(text) {
    this.eventBus.dispatch('find', {
      source: this,
      type: '',
      query: text,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: false,
      matchDiacritics: true,
    });
  }

  // The selected text of one page, with up to 100 characters of the page's text before and after it: what a note
  // is anchored to, so it can be found again in a later version.
  reportSelection() {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      // The selection goes when the member clicks into the note's text box: keep the quote for the note then. It is
      // cleared only by a click in the document itself.
      const inViewer = document.activeElement && this.container.contains(document.activeElement);
      if (this.lastSelection && inViewer) {
        this.lastSelection = '';
        this.notify('OnSelection', null);
      }
      return;
    }
    const range = selection.getRangeAt(0);
    const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
    const layer = start && start.closest('.textLayer');
    const page = start && start.closest('.page');
    if (!layer || !page || !this.container.contains(layer)) {
      return;
    }
    const quote = selection.toString().replace(/\s+/g, ' ').trim();
    if (!quote || quote === this.lastSelection) {
      return;
    }
    this.lastSelection = quote;
    const before = document.createRange();
    before.setStart(layer, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const prefix = before.toString();
    const pageText = layer.textContent || '';
    const offset = prefix.length;
    const selectedLength = range.toString().length;
    this.notify('OnSelection', {
      page: Number(page.dataset.pageNumber),
      quote,
      before: pageText.slice(Math.max(0, offset - CONTEXT_CHARS), offset).replace(/\s+/g, ' '),
      after: pageText.slice(offset + selectedLength, offset + selectedLength + CONTEXT_CHARS).replace(/\s+/g, ' '),
    });
  }

  // Alt+PageDown / Alt+PageUp: next / previous document; with Shift: next / previous item. Screen readers leave
  // these to the page (single letters are their quick navigation keys in browse mode).
  shortcut(event) {
    if (!event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    let name = null;
    if (event.key === 'PageDown') {
      name = event.shiftKey ? 'next-item' : 'next-document';
    } else if (event.key === 'PageUp') {
      name = event.shiftKey ? 'previous-item' : 'previous-document';
    }
    if (name) {
      event.preventDefault();
      this.notify('OnShortcut', name);
    }
  }

  async dispose() {
    window.removeEventListener('resize', this.onResize);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    document.removeEventListener('keydown', this.onKeyDown);
    clearTimeout(this.selectionTimer);
    await this.close();
  }
}

export async function create(container, dotnet) {
  const lib = await loadLibraries();
  return new Reader(container, dotnet, lib);
}

export function open(reader, url) {
  return reader.open(url);
}

export function close(reader) {
  return reader.close();
}

export function goToPage(reader, page) {
  reader.goToPage(page);
}

export function find(reader, text) {
  reader.find(text);
}

export function dispose(reader) {
  return reader ? reader.dispose() : Promise.resolve();
}
