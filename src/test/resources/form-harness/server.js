// Static test harness for forms/check-admission-documents.html (no backend needed).
// Run: node src/test/resources/form-harness/server.js [port]   then open
//   http://127.0.0.1:PORT/?claimed=1&stage=FACULTY
// It serves the form, a fake Tasklist page (harness.html) and a fake /api.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const port = +(process.argv[2] || 18431);
const here = __dirname;
const formFile = path.resolve(here, '../../../../forms/check-admission-documents.html');
let review = null;

function reset(stage) {
  review = JSON.parse(fs.readFileSync(path.join(here, 'fixture-review.json'), 'utf8'));
  review.stage = stage === 'CENTRAL' ? 'CENTRAL' : 'FACULTY';
}

// A small solid-colour PNG, built by hand so no image files are needed.
function png(w, h, rgb) {
  const crcTable = [...Array(256)].map((_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = b => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 255] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { const o = y * (w * 3 + 1) + 1 + x * 3; const shade = (x + y) % 40 < 20 ? 1 : 0.85; raw[o] = rgb[0] * shade; raw[o + 1] = rgb[1] * shade; raw[o + 2] = rgb[2] * shade; }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function pdf() {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const stream = 'BT /F1 18 Tf 40 100 Td (Birth certificate - test) Tj ET';
  objs[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n'; const offs = [];
  objs.forEach((o, i) => { offs.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offs.map(o => String(o).padStart(10, '0') + ' 00000 n \n').join('');
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function json(res, status, body) {
  res.writeHead(status, {'Content-Type': 'application/json; charset=utf-8'});
  res.end(JSON.stringify(body));
}

function findDoc(id) { return review.documents.find(d => d.id === id); }

reset('FACULTY');
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let m;
  if (url.pathname === '/') {
    reset(url.searchParams.get('stage'));
    res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
    return res.end(fs.readFileSync(path.join(here, 'harness.html')));
  }
  if (url.pathname === '/form') {
    res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
    return res.end(fs.readFileSync(formFile));
  }
  if ((m = url.pathname.match(/^\/api\/tasks\/([^/]+)\/review$/)) && req.method === 'GET') {
    if (url.searchParams.get('fail')) return json(res, 404, {status: 404, code: 'TASK_NOT_FOUND', messageFa: 'کار یافت نشد.', messageEn: 'Task not found.'});
    return json(res, 200, review);
  }
  if ((m = url.pathname.match(/^\/api\/tasks\/([^/]+)\/reviews$/)) && req.method === 'POST') {
    let body = '';
    req.on('data', c => body += c);
    return req.on('end', () => {
      const b = JSON.parse(body);
      if (!req.headers['x-parvandeh-xsrf']) return json(res, 403, {status: 403, code: 'CSRF', messageFa: 'توکن امنیتی درخواست نامعتبر است.', messageEn: 'Invalid CSRF token.'});
      const doc = findDoc(b.documentId);
      if (!doc) return json(res, 404, {status: 404, code: 'DOCUMENT_NOT_FOUND', messageFa: 'مدرک یافت نشد.', messageEn: 'Document not found.'});
      if (b.decision === 'REJECTED' && !(b.reason || '').trim()) return json(res, 400, {status: 400, code: 'REASON_REQUIRED', messageFa: 'برای رد مدرک، دلیل لازم است.', messageEn: 'A rejection needs a reason.'});
      const r = {decision: b.decision, reason: b.reason || '', reviewer: 'clerk.eng', reviewedAtJalali: '۱۴۰۵/۰۹/۰۸ ۱۰:۰۰'};
      if (review.stage === 'CENTRAL') doc.current.centralReview = r; else doc.current.facultyReview = r;
      doc.status = b.decision;
      setTimeout(() => json(res, 200, doc), 150);
    });
  }
  if ((m = url.pathname.match(/^\/api\/documents\/versions\/(\d+)\/content$/))) {
    if (m[1] === '35') { res.writeHead(200, {'Content-Type': 'application/pdf', 'Content-Disposition': 'inline'}); return res.end(pdf()); }
    const colours = {34: [70, 130, 180], 30: [160, 160, 160], 36: [200, 120, 60]};
    res.writeHead(200, {'Content-Type': 'image/png'});
    return res.end(png(240, 300, colours[m[1]] || [100, 100, 100]));
  }
  res.writeHead(404); res.end();
}).listen(port, '127.0.0.1', () => console.log('form harness on http://127.0.0.1:' + port + '/'));
