// pdf.js ships its worker module without types; it is only handed back to pdf.js itself.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
