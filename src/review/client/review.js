// Telaah review client: plain JavaScript served by `telaah review` itself (no build step, no CDN).
// It keeps the reviewer's name and blind mode (localStorage, mirrored to cookies for the server-rendered
// pages), toggles highlight kinds, shows span details, codes selected text by hand, and drives the queue
// by keyboard (j/k move, a accept, r reject, t change theme, m memo, u undo) and the merge view.
// Every piece of data it puts on the page goes in through textContent or form values, never innerHTML.
(() => {
  'use strict';
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
  const NAME_KEY = 'telaah.reviewer';
  const BLIND_KEY = 'telaah.blind';

  const setCookie = (name, value) => {
    document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; SameSite=Strict; Max-Age=31536000`;
  };
  const reviewer = () => localStorage.getItem(NAME_KEY) || '';
  const blind = () => localStorage.getItem(BLIND_KEY) === '1';

  function toast(message, isError) {
    const box = $('#toast');
    if (!box) return;
    box.textContent = message;
    box.className = isError ? 'show error' : 'show';
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { box.className = ''; }, 2500);
  }

  // --- reviewer identity and blind mode -------------------------------------------------------------
  const nameInput = $('#reviewer-name');
  const blindBox = $('#blind-mode');
  if (nameInput) {
    // The server knows the name from the cookie; if only localStorage still has it, restore the cookie once.
    if (reviewer() && nameInput.value !== reviewer()) {
      setCookie('telaah_reviewer', reviewer());
      setCookie('telaah_blind', blind() ? '1' : '0');
      if (!sessionStorage.getItem('telaah.restored')) {
        sessionStorage.setItem('telaah.restored', '1');
        location.reload();
        return;
      }
    }
    $('#reviewer-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const name = nameInput.value.trim();
      if (!name) return;
      localStorage.setItem(NAME_KEY, name);
      setCookie('telaah_reviewer', name);
      location.reload();
    });
  }
  if (blindBox) {
    blindBox.addEventListener('change', () => {
      localStorage.setItem(BLIND_KEY, blindBox.checked ? '1' : '0');
      setCookie('telaah_blind', blindBox.checked ? '1' : '0');
      location.reload();
    });
  }

  async function post(url, body) {
    if (!reviewer()) {
      toast('Choose a reviewer name first (top right).', true);
      if (nameInput) nameInput.focus();
      throw new Error('no reviewer');
    }
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-telaah-request': '1' },
      body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      toast(data.error || `request failed (${response.status})`, true);
      throw new Error(data.error || String(response.status));
    }
    return data;
  }

  const decide = (target, action, extra) =>
    post('/api/decisions', {
      targetKind: target.kind, documentSha256: target.sha, start: target.start, end: target.end, targetKey: target.key,
      action, reviewer: reviewer(), blind: blind(), ...extra,
    });

  const themes = () => {
    const node = $('#themes-data');
    return node ? JSON.parse(node.textContent) : [];
  };

  // A small modal for "change theme" and "memo", usable from the keyboard (Enter confirms, Escape cancels).
  function ask(kind, title) {
    return new Promise((resolve) => {
      const dialog = document.createElement('dialog');
      dialog.className = 'ask';
      const form = document.createElement('form');
      form.method = 'dialog';
      const label = document.createElement('p');
      label.textContent = title;
      form.append(label);
      let field;
      if (kind === 'theme') {
        field = document.createElement('select');
        for (const t of themes()) {
          const option = document.createElement('option');
          option.value = t.id;
          option.textContent = t.name;
          field.append(option);
        }
      } else {
        field = document.createElement('input');
        field.maxLength = 4000;
        field.size = 50;
      }
      field.id = 'ask-field';
      const ok = document.createElement('button');
      ok.textContent = 'OK';
      ok.value = 'ok';
      form.append(field, ' ', ok);
      dialog.append(form);
      document.body.append(dialog);
      dialog.addEventListener('close', () => {
        const value = dialog.returnValue === 'ok' ? field.value : null;
        dialog.remove();
        resolve(value);
      });
      form.addEventListener('submit', () => { dialog.returnValue = 'ok'; });
      dialog.showModal();
      field.focus();
    });
  }

  // --- reader ---------------------------------------------------------------------------------------
  const reader = $('#reader');
  if (reader) {
    const sha = reader.dataset.sha;
    const targets = new Map(JSON.parse($('#targets-data').textContent).map((t) => [t.id, t]));
    for (const box of $$('#toggles input[data-kind]')) {
      box.addEventListener('change', () => document.body.classList.toggle(`hide-${box.dataset.kind}`, !box.checked));
    }
    const details = $('#details');
    const line = (parent, tag, text, className) => {
      const el = document.createElement(tag);
      el.textContent = text;
      if (className) el.className = className;
      parent.append(el);
      return el;
    };
    function showDetails(ids) {
      details.replaceChildren();
      for (const id of ids) {
        const t = targets.get(id);
        if (!t) continue;
        const card = document.createElement('div');
        card.className = 'card';
        line(card, 'h3', `${t.kind}: ${t.key}`);
        line(card, 'q', t.surface);
        line(card, 'p', `status: ${t.status}${t.newKey ? ` → ${t.newKey}` : ''}${t.adjudicated ? ' (adjudicated)' : ''} · ${t.origin}`, `status st-${t.status}`);
        for (const r of t.reviewers) line(card, 'p', `${r.reviewer}: ${r.status}${r.newKey ? ` → ${r.newKey}` : ''}`, 'muted');
        for (const m of t.memos) line(card, 'p', `memo (${m.reviewer}): ${m.memo}`, 'memo');
        line(card, 'p', `rule ${t.rule} · ${t.source} ${t.version}`, 'muted');
        const d = t.data || {};
        const facts = [];
        if (d.instrumentName || d.instrumentId) facts.push(`instrument: ${d.instrumentName || d.instrumentId}`);
        if (d.provision) facts.push(`provision: ${typeof d.provision === 'string' ? d.provision : JSON.stringify(d.provision)}`);
        if (d.resolution) facts.push(`resolution: ${d.resolution}`);
        if (d.raw) facts.push(`reference: ${d.raw}`);
        if (d.workKey) facts.push(`work: ${d.workKey}`);
        if (d.themeName) facts.push(`theme: ${d.themeName}${d.score !== undefined ? ` (score ${d.score})` : ''}`);
        if (Array.isArray(d.evidence)) for (const e of d.evidence) facts.push(`evidence: ${e.rule || ''} ${Array.isArray(e.terms) ? e.terms.join(', ') : ''}`);
        if (d.state) facts.push(`claim: ${d.state}${d.registryStatus ? `; registry says ${d.registryStatus}` : ''}`);
        for (const f of facts) line(card, 'p', f);
        const more = document.createElement('details');
        line(more, 'summary', 'all data');
        line(more, 'pre', JSON.stringify(d, null, 1));
        card.append(more);
        const buttons = document.createElement('p');
        buttons.className = 'actions';
        const target = { kind: t.kind, sha, start: t.start, end: t.end, key: t.key };
        const button = (label, run) => {
          const b = line(buttons, 'button', label);
          b.type = 'button';
          b.addEventListener('click', () => run().then(() => location.reload(), () => {}));
        };
        button('Accept', () => decide(target, 'accept'));
        button('Reject', () => decide(target, 'reject'));
        if (t.kind === 'theme-code') {
          button('Change theme…', async () => {
            const key = await ask('theme', 'New theme');
            if (key && key !== t.key) await decide(target, 'recode', { newKey: key });
          });
        }
        button('Memo…', async () => {
          const memo = await ask('memo', 'Memo');
          if (memo) await decide(target, 'memo', { memo });
        });
        button('Undo', () => decide(target, 'undo'));
        card.append(buttons);
        details.append(card);
      }
    }
    document.addEventListener('click', (event) => {
      const span = event.target.closest && event.target.closest('.hl[data-a]');
      if (span && !String(getSelection() || '')) showDetails(span.dataset.a.split(' '));
    });

    // Manual coding: a selection inside the text becomes [start, end) through the pieces' data-s offsets.
    const popup = $('#code-selection');
    let selected = null;
    function offsetOf(node, offset) {
      if (node.nodeType === Node.TEXT_NODE) {
        const piece = node.parentElement && node.parentElement.closest('[data-s]');
        return piece ? Number(piece.dataset.s) + offset : null;
      }
      const start = node.childNodes[offset] || node;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
      walker.currentNode = start;
      let el = start.nodeType === Node.ELEMENT_NODE && start.matches('[data-s]') ? start : walker.nextNode();
      while (el && !el.matches('[data-s]')) el = walker.nextNode();
      return el ? Number(el.dataset.s) : null;
    }
    document.addEventListener('mouseup', (event) => {
      if (popup.contains(event.target)) return;
      const selection = getSelection();
      if (!selection || selection.isCollapsed || !selection.rangeCount) return;
      const range = selection.getRangeAt(0);
      const inText = (n) => (n.nodeType === Node.ELEMENT_NODE ? n : n.parentElement).closest('.text');
      if (!inText(range.startContainer) || !inText(range.endContainer)) return;
      const start = offsetOf(range.startContainer, range.startOffset);
      const end = offsetOf(range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) return;
      selected = { start, end };
      $('#selection-text').textContent = selection.toString().slice(0, 300);
      popup.hidden = false;
    });
    $('#selection-cancel').addEventListener('click', () => { popup.hidden = true; });
    popup.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!selected) return;
      const memo = $('#selection-memo').value.trim();
      decide({ kind: 'theme-code', sha, start: selected.start, end: selected.end, key: $('#selection-theme').value }, 'manual', memo ? { memo } : {})
        .then(() => location.reload(), () => {});
    });
    if (location.hash) {
      const target = document.getElementById(location.hash.slice(1));
      if (target) target.classList.add('flash');
    }
    window.addEventListener('hashchange', () => {
      for (const el of $$('.flash')) el.classList.remove('flash');
      const target = document.getElementById(location.hash.slice(1));
      if (target) target.classList.add('flash');
    });
  }

  // --- queue ----------------------------------------------------------------------------------------
  const queue = $('#queue');
  const targetOf = (item) => ({ kind: item.dataset.kind, sha: item.dataset.sha, start: Number(item.dataset.start), end: Number(item.dataset.end), key: item.dataset.key });
  if (queue) {
    const items = $$('.item', queue);
    let current = Math.max(0, items.findIndex((i) => i.classList.contains('current')));
    const select = (index) => {
      if (!items.length) return;
      current = Math.max(0, Math.min(items.length - 1, index));
      items.forEach((item, i) => item.classList.toggle('current', i === current));
      items[current].focus({ preventScroll: true });
      items[current].scrollIntoView({ block: 'nearest' });
    };
    const show = (item, decision) => {
      const status = decision.newStatus || 'pending';
      item.className = item.className.replace(/\bst-\S+/g, '').trim() + ` st-${status}`;
      $('.status', item).textContent = status + (status === 'recoded' && decision.newKey ? ` → ${decision.newKey}` : '');
    };
    async function act(key) {
      const item = items[current];
      if (!item) return;
      const target = targetOf(item);
      let extra = {};
      let action = { a: 'accept', r: 'reject', u: 'undo' }[key];
      if (key === 't') {
        const newKey = await ask('theme', 'Change theme to');
        if (!newKey || newKey === target.key) return;
        action = 'recode';
        extra = { newKey };
      }
      if (key === 'm') {
        const memo = await ask('memo', 'Memo');
        if (!memo) return;
        action = 'memo';
        extra = { memo };
      }
      const { decision } = await decide(target, action, extra);
      if (action !== 'memo') show(item, decision);
      toast(`${action}: ${decision.newStatus || ''}`);
      if (action === 'accept' || action === 'reject' || action === 'recode') select(current + 1);
    }
    document.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target.closest && event.target.closest('input, select, textarea, dialog')) return;
      if (event.key === 'j') select(current + 1);
      else if (event.key === 'k') select(current - 1);
      else if ('artmu'.includes(event.key) && event.key.length === 1) act(event.key).catch(() => {});
      else return;
      event.preventDefault();
    });
    items.forEach((item, i) => item.addEventListener('click', (event) => { if (!event.target.closest('a')) select(i); }));
    const bulk = $('#bulk-accept');
    if (bulk) {
      bulk.addEventListener('click', async () => {
        if (!reviewer()) return void toast('Choose a reviewer name first (top right).', true);
        if (!confirm(`Accept all ${items.length} item(s) shown, as ${reviewer()}?`)) return;
        const decisions = items.map((item) => {
          const t = targetOf(item);
          return { targetKind: t.kind, documentSha256: t.sha, start: t.start, end: t.end, targetKey: t.key, action: 'accept', reviewer: reviewer(), blind: blind() };
        });
        await post('/api/decisions/bulk', { confirm: true, decisions });
        location.reload();
      });
    }
  }

  // --- merge ----------------------------------------------------------------------------------------
  for (const button of $$('[data-adjudicate]')) {
    button.addEventListener('click', () => {
      const item = button.closest('.item');
      decide(targetOf(item), button.dataset.adjudicate, { adjudication: true }).then(() => location.reload(), () => {});
    });
  }
})();
