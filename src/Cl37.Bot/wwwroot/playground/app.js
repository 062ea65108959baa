// Cl37 Bot playground: a chat channel in the browser. Everything from the server is untrusted text
// and reaches the page only through text nodes and attributes, never as HTML.
'use strict';

(() => {
  const API = '/playground/api';
  const BOT_NAME = 'Cl37 Bot';
  const PERSON_KEY = 'cl37.playground.person';
  const RECENT_KEY = 'cl37.playground.people';

  const $ = (id) => document.getElementById(id);
  const state = {
    config: { room: 'local', channels: ['general'], allowAdminSwitch: true, maxNameLength: 40, maxCommandLength: 2000 },
    commands: [],
    channel: 'general',
    person: { name: 'Guest', admin: false },
    messages: new Map(),
    privateByPerson: new Map(),
    events: null,
    history: [],
    historyIndex: -1,
    suggestions: [],
    attachment: null,
    active: -1,
    // Whether the channel follows new posts: true while the reader is at the bottom of it.
    following: true,
    autoScrollTop: 0,
    unseen: 0,
  };

  // ---------- DOM helpers ----------
  function shorten(text, max) {
    return text.length <= max ? text : text.slice(0, max) + '…';
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === 'class') node.className = value;
        else if (key === 'text') node.textContent = value;
        else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
        else if (key in node && typeof value !== 'string') node[key] = value;
        else node.setAttribute(key, value === true ? '' : String(value));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // ---------- light Markdown: **bold**, `code`, \ escapes, line breaks, - lists, 1. lists ----------
  function inline(text) {
    const out = [];
    const pattern = /\\([!-\/:-@[-`{-~])|`([^`\n]+)`|\*\*((?:\\.|[^*\n])+)\*\*|(?<![\p{L}\p{N}_\\])_([^_\n]+)_(?![\p{L}\p{N}_])/gu;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) out.push(document.createTextNode(text.slice(last, match.index)));
      if (match[1] !== undefined) out.push(document.createTextNode(match[1]));
      else if (match[2] !== undefined) out.push(el('code', { text: match[2] }));
      else if (match[3] !== undefined) out.push(el('strong', null, inline(match[3])));
      else out.push(el('em', { text: match[4] }));
      last = pattern.lastIndex;
    }
    if (last < text.length) out.push(document.createTextNode(text.slice(last)));
    return out;
  }

  function markdown(text, className) {
    const root = el('div', { class: className ? 'md ' + className : 'md' });
    if (!text) return root;
    const lines = String(text).replace(/\r\n?/g, '\n').split('\n');
    let paragraph = null;
    let list = null;
    let listKind = '';
    let fence = null;
    const closeParagraph = () => { paragraph = null; };
    const closeList = () => { list = null; listKind = ''; };
    for (const raw of lines) {
      const line = raw.trimEnd();
      if (/^\s*```/.test(line)) {
        if (fence) { fence = null; } else { closeParagraph(); closeList(); fence = el('code'); root.append(el('pre', null, fence)); }
        continue;
      }
      if (fence) { fence.append((fence.textContent ? '\n' : '') + raw); continue; }
      const bullet = /^\s*(?:[-*•])\s+(.*)$/.exec(line);
      const numbered = /^\s*(\d{1,3})[.)]\s+(.*)$/.exec(line);
      if (line.trim() === '') { closeParagraph(); closeList(); continue; }
      if (bullet || numbered) {
        closeParagraph();
        const kind = bullet ? 'ul' : 'ol';
        if (!list || listKind !== kind) {
          list = el(kind);
          if (numbered && numbered[1] !== '1') list.start = Number(numbered[1]);
          listKind = kind;
          root.append(list);
        }
        list.append(el('li', null, inline(bullet ? bullet[1] : numbered[2])));
        continue;
      }
      closeList();
      if (paragraph) paragraph.append(el('br'));
      else { paragraph = el('p'); root.append(paragraph); }
      append(paragraph, inline(line));
    }
    return root;
  }

  // ---------- time ----------
  function clock(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  // ---------- cards ----------
  function questionCard(card, context) {
    const closed = card.closed === true;
    const title = el('h3', { class: 'card-title' }, el('span', { class: 'badge', text: closed ? 'Closed' : 'Question' }), ' ', card.title);
    const body = [title, markdown(card.prompt, 'prompt')];
    const label = 'Answer to ' + card.title;

    if (card.input === 'singleChoice') {
      const group = el('div', { class: 'choices', role: 'group', 'aria-label': label });
      for (const option of card.options || []) {
        group.append(el('button', {
          type: 'button', class: 'choice', disabled: closed, 'data-key': option.key,
          onclick: (e) => sendAnswer(card.postId, [option.key], e.currentTarget.closest('.card')),
        }, el('span', { class: 'choice-key', text: option.key }), el('span', { class: 'choice-text', text: option.text })));
      }
      body.push(group);
    } else if (card.input === 'multiSelect') {
      const form = el('form', { class: 'multi' });
      const fieldset = el('fieldset', { disabled: closed }, el('legend', { text: 'Pick every right option' }));
      for (const option of card.options || []) {
        const id = `q${context}-${card.postId}-${option.key}`;
        fieldset.append(el('div', { class: 'multi-option' },
          el('input', { type: 'checkbox', id, name: 'pick', value: option.key, 'data-preserve': 'pick-' + option.key }),
          el('label', { for: id }, el('span', { class: 'choice-key', text: option.key }), ' ', option.text)));
      }
      fieldset.append(el('button', { type: 'submit', class: 'primary', 'data-preserve': 'submit' }, 'Submit answer'));
      form.append(fieldset);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const picks = [...form.querySelectorAll('input[name=pick]:checked')].map((i) => i.value);
        if (picks.length === 0) { flash(form, 'Pick at least one option.'); return; }
        sendAnswer(card.postId, picks, form.closest('.card'));
      });
      body.push(form);
    } else {
      const id = `q${context}-${card.postId}-text`;
      const form = el('form', { class: 'free' });
      const fieldset = el('fieldset', { disabled: closed },
        el('label', { for: id, text: 'Your answer' }),
        el('div', { class: 'free-row' },
          el('input', { id, type: 'text', name: 'answer', maxlength: 500, autocomplete: 'off', placeholder: card.inputHint || 'Type your answer', 'data-preserve': 'answer' }),
          el('button', { type: 'submit', class: 'primary', 'data-preserve': 'submit' }, 'Submit')));
      form.append(fieldset);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const value = form.elements.answer.value.trim();
        if (!value) { flash(form, 'Type an answer first.'); return; }
        sendAnswer(card.postId, [value], form.closest('.card'));
      });
      body.push(form);
    }

    // A private practice question has no tally (answeredCount is null): nobody else answers it.
    const footer = el('p', { class: 'card-footer' });
    const parts = [];
    if (card.answeredCount != null) parts.push(el('span', { class: 'tally', 'data-count': card.answeredCount }, `${card.answeredCount} answered`));
    if (closed) parts.push(el('span', { text: 'answers closed' }));
    else if (card.closes) parts.push(el('span', { text: 'closes ' + clock(card.closes) }));
    parts.forEach((part, i) => { if (i > 0) footer.append(' · '); footer.append(part); });
    if (parts.length > 0) body.push(footer);
    return el('article', { class: 'card question' + (closed ? ' closed' : ''), 'data-post': card.postId, 'aria-label': 'Question: ' + card.title }, body);
  }

  function revealCard(card) {
    const chart = el('ul', { class: 'chart' });
    const max = Math.max(1, ...(card.options || []).map((o) => o.count));
    for (const option of card.options || []) {
      const fill = el('span', { class: 'bar-fill' });
      fill.style.width = `${Math.round((option.count / max) * 100)}%`;
      const pct = Number.isFinite(option.percent) ? Math.round(option.percent) : 0;
      const row = el('li', { class: 'chart-row' + (option.isCorrect ? ' correct' : ''), 'data-key': option.key },
        el('span', { class: 'chart-label' },
          // Typed answers (numerical, fill-in) come back with the answer as both key and text.
          option.key === option.text ? null : [el('span', { class: 'choice-key', text: option.key }), ' '], option.text,
          option.isCorrect ? el('span', { class: 'right-mark', text: ' ✓ correct' }) : null),
        el('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
        el('span', { class: 'chart-count', text: `${option.count} (${pct}%)` }));
      if (option.whyWrong && !option.isCorrect) row.append(markdown(option.whyWrong, 'why-wrong'));
      chart.append(row);
    }
    const parts = [
      el('h3', { class: 'card-title' }, el('span', { class: 'badge reveal', text: 'Reveal' }), ' ', card.title),
      markdown(card.prompt, 'prompt'),
      el('p', { class: 'correct-answer' }, 'Correct answer: ', el('strong', { text: card.correctAnswer })),
      markdown(card.explanation, 'explanation'),
      el('figure', { class: 'chart-figure' },
        el('figcaption', { text: `How the group answered: ${card.outcome}` }),
        chart),
    ];
    if (card.solutionSteps && card.solutionSteps.length) {
      parts.push(el('h4', { text: 'Solution steps' }), el('ol', { class: 'steps' }, card.solutionSteps.map((s) => el('li', null, inline(s)))));
    }
    if (card.fastestCorrect && card.fastestCorrect.length) {
      parts.push(el('h4', { text: 'Fastest correct' }), el('ol', { class: 'fastest' }, card.fastestCorrect.map((s) => el('li', null, inline(s)))));
    }
    if (card.movement && card.movement.length) {
      parts.push(el('h4', { text: 'Leaderboard movement' }), el('ul', { class: 'movement' }, card.movement.map((s) => el('li', null, inline(s)))));
    }
    return el('article', { class: 'card reveal', 'data-post': card.postId, 'aria-label': 'Reveal: ' + card.title }, parts);
  }

  // Numbers, percentages and ranks stay on one line; names and topics may wrap so the table fits.
  const NUMERIC = /^[#\d\s.,%+\-−—×:]*$/;

  function tableCard(card) {
    const head = el('tr', null, (card.columns || []).map((c) => el('th', { scope: 'col', text: c })));
    const rows = (card.rows || []).map((r) => el('tr', null, r.map((cell) => el('td', { text: cell, class: NUMERIC.test(cell) ? 'num' : null }))));
    const table = el('table', null, el('caption', { text: card.title }), el('thead', null, head), el('tbody', null, rows));
    const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': card.title + ' (scrollable)' }, table);
    const hint = el('p', { class: 'scroll-hint', hidden: true, 'aria-hidden': 'true', text: 'More columns → scroll sideways' });
    wrap.addEventListener('scroll', () => markOverflow(wrap));
    tableWraps.observe(wrap);
    return el('article', { class: 'card table-card', 'aria-label': card.title }, wrap, hint,
      card.footer ? markdown(card.footer, 'card-footer') : null);
  }

  // A table still wider than its card says so: a shadow on the cut edge and a line under it,
  // until the reader has scrolled to its last column.
  function markOverflow(wrap) {
    const more = wrap.scrollWidth - wrap.clientWidth - wrap.scrollLeft > 2;
    wrap.toggleAttribute('data-more', more);
    const hint = wrap.nextElementSibling;
    if (!hint || !hint.classList.contains('scroll-hint')) return;
    const hidden = !(wrap.scrollWidth - wrap.clientWidth > 2);
    if (hint.hidden === hidden) return;
    hint.hidden = hidden;
    // The hint adds a line after the reply was scrolled into view: show the newest reply whole again.
    if (wrap.closest('#private-messages > li:last-child')) showNewestPrivate();
  }

  const tableWraps = new ResizeObserver((entries) => { for (const entry of entries) markOverflow(entry.target); });

  function stepsCard(card) {
    return el('article', { class: 'card steps-card', 'aria-label': card.title },
      el('h3', { class: 'card-title', text: card.title }),
      el('p', { class: 'formula' }, el('span', { class: 'label', text: 'Formula ' }), el('code', { text: card.formula })),
      el('ol', { class: 'steps' }, (card.steps || []).map((s) => el('li', null, inline(s)))),
      el('p', { class: 'answer' }, el('span', { class: 'label', text: 'Answer ' }), el('strong', { text: card.answer })));
  }

  function sizeText(bytes) {
    if (bytes < 1024) return `${bytes} bytes`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }

  // A file arrives as base64 with the reply and is saved from a Blob: nothing of it is shown inline.
  function fileDownload(file) {
    const save = () => {
      const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType || 'application/octet-stream' }));
      const link = el('a', { href: url, download: file.fileName || 'export' });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    };
    return el('div', { class: 'file-attachment', 'aria-label': 'File ' + file.fileName },
      el('span', { class: 'file-icon', 'aria-hidden': 'true', text: '📎' }),
      el('span', { class: 'file-name', text: file.fileName }),
      el('span', { class: 'file-size', text: sizeText(file.size) }),
      el('button', { type: 'button', class: 'primary file-download', onclick: save }, 'Download'));
  }

  function renderCard(card, context) {
    switch (card && card.kind) {
      case 'question': return questionCard(card, context);
      case 'reveal': return revealCard(card);
      case 'table': return tableCard(card);
      case 'steps': return stepsCard(card);
      default: return null;
    }
  }

  // ---------- messages ----------
  function messageBody(message, context) {
    const body = el('div', { class: 'message-body' });
    const card = renderCard(message.card, context);
    // With a card, the text is the same content for text-only platforms; the card replaces it.
    if (card) body.append(card);
    else if (message.text) body.append(markdown(message.text));
    for (const file of message.files || []) body.append(fileDownload(file));
    return body;
  }

  function renderMessage(message) {
    const header = el('div', { class: 'message-head' },
      el('span', { class: 'author', text: BOT_NAME }), el('span', { class: 'bot-tag', text: 'BOT' }),
      el('time', { datetime: message.time, text: clock(message.time) }));
    const item = el('li', { class: 'message', 'data-id': message.id, 'data-version': message.version });
    if (message.invokedBy) {
      item.append(el('p', { class: 'invoked' },
        el('strong', { text: message.invokedBy.name }),
        message.invokedBy.text ? ' used ' : ' answered',
        message.invokedBy.text ? el('code', { text: message.invokedBy.text }) : null));
    }
    item.append(el('div', { class: 'avatar', 'aria-hidden': 'true', text: '37' }), el('div', { class: 'message-main' }, header, messageBody(message, 'm')));
    return item;
  }

  // Keeps what someone is typing or ticking when a tally update re-renders the card beneath them.
  function carryOver(from, to) {
    for (const input of from.querySelectorAll('[data-preserve]')) {
      const twin = to.querySelector(`[data-preserve="${CSS.escape(input.dataset.preserve)}"]`);
      if (!twin) continue;
      if (input.type === 'checkbox') twin.checked = input.checked;
      else if (input.tagName === 'INPUT') twin.value = input.value;
      if (document.activeElement === input && !twin.disabled) twin.focus();
    }
    const focusedKey = document.activeElement && from.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    if (focusedKey) {
      const twin = to.querySelector(`button[data-key="${CSS.escape(focusedKey)}"]`);
      if (twin && !twin.disabled) twin.focus();
    }
  }

  function nearBottom(list) {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  }

  // A reader at the bottom keeps following the channel; one who scrolled up to read is left there
  // and told, with a "new messages" button, that more arrived below.
  function followChannel() {
    const list = $('messages');
    list.addEventListener('scroll', () => {
      // Only the reader scrolling up stops the following: content growing below a follower, or a
      // scroll event that lands after the next post, leaves scrollTop where the page put it.
      if (nearBottom(list)) {
        state.following = true;
        hideNewMessagesCue();
      } else if (list.scrollTop < state.autoScrollTop - 2) {
        state.following = false;
      }
    });
    // The private panel opening or growing shrinks the channel: a follower stays at its bottom.
    new ResizeObserver(() => { if (followingNow(list)) toBottom(); }).observe(list);
    $('new-messages').addEventListener('click', () => {
      state.following = true;
      toBottom();
      hideNewMessagesCue();
    });
  }

  function toBottom() {
    const list = $('messages');
    list.scrollTop = list.scrollHeight;
    state.autoScrollTop = list.scrollTop;
  }

  function showNewMessagesCue() {
    state.unseen += 1;
    const cue = $('new-messages');
    cue.textContent = state.unseen === 1 ? 'New message ↓' : `${state.unseen} new messages ↓`;
    cue.hidden = false;
  }

  function hideNewMessagesCue() {
    state.unseen = 0;
    $('new-messages').hidden = true;
  }

  // Whether the reader is following now: a scroll up that its scroll event has not reported yet
  // (the list sits above where the page last put it) already counts as reading further up.
  function followingNow(list) {
    if (state.following && list.scrollTop < state.autoScrollTop - 2 && !nearBottom(list)) state.following = false;
    return state.following || nearBottom(list);
  }

  function addMessage(message, quiet = false) {
    const list = $('messages');
    const stick = followingNow(list);
    const existing = state.messages.get(message.id);
    if (existing) { updateMessage(message); return; }
    const node = renderMessage(message);
    state.messages.set(message.id, { message, node });
    list.append(node);
    while (list.children.length > 500) {
      const first = list.firstElementChild;
      state.messages.delete(first.dataset.id);
      first.remove();
    }
    if (stick) toBottom();
    else if (!quiet) showNewMessagesCue();
  }

  function updateMessage(message) {
    const existing = state.messages.get(message.id);
    if (!existing) { addMessage(message); return; }
    if (existing.message.version >= message.version) return;
    const before = existing.message.card;
    const after = message.card;
    const sameBut = (card) => JSON.stringify({ ...card, answeredCount: 0 });
    if (before && after && before.kind === 'question' && !after.closed && sameBut(before) === sameBut(after)) {
      // A tally tick changes one number: patch it in place so inputs, focus and screen readers are left alone.
      const tally = existing.node.querySelector('.tally');
      if (tally) {
        tally.textContent = `${after.answeredCount} answered`;
        tally.dataset.count = after.answeredCount;
        existing.node.dataset.version = message.version;
        existing.message = message;
        return;
      }
    }
    const node = renderMessage(message);
    carryOver(existing.node, node);
    existing.node.replaceWith(node);
    if (followingNow($('messages'))) toBottom();
    if (document.activeElement === document.body && existing.node.contains(document.activeElement)) node.focus();
    state.messages.set(message.id, { message, node });
  }

  function resetMessages(history) {
    const list = $('messages');
    state.messages.clear();
    list.replaceChildren();
    for (const message of history.messages || []) addMessage(message, true);
    toBottom();
    state.following = true;
    hideNewMessagesCue();
  }

  // ---------- private panel ----------
  function personKey() {
    return state.person.name.trim().toLowerCase();
  }

  function addPrivate(entry, key = personKey()) {
    const list = state.privateByPerson.get(key) || [];
    list.push(entry);
    while (list.length > 30) list.shift();
    state.privateByPerson.set(key, list);
    renderPrivate();
  }

  function renderPrivate() {
    const entries = state.privateByPerson.get(personKey()) || [];
    const list = $('private-messages');
    list.replaceChildren();
    $('private-who').textContent = `(${state.person.name})`;
    entries.forEach((entry, index) => {
      const dismiss = el('button', {
        type: 'button', class: 'link-button dismiss', 'aria-label': 'Dismiss this note',
        onclick: () => { entries.splice(index, 1); renderPrivate(); },
      }, '×');
      const head = el('div', { class: 'message-head' },
        el('span', { class: 'author', text: entry.error ? 'Not sent' : BOT_NAME }),
        el('span', { class: 'only-you', text: 'only you' }),
        el('time', { datetime: entry.time, text: clock(entry.time) }), dismiss);
      const about = entry.about ? el('p', { class: 'invoked' }, 'You: ', el('code', { text: entry.about })) : null;
      const body = entry.error ? el('p', { class: 'error', text: entry.error }) : messageBody(entry.message, 'p' + index);
      list.append(el('li', { class: 'private-item' + (entry.error ? ' is-error' : '') }, head, about, body));
    });
    $('private').hidden = entries.length === 0;
    if (entries.length) showNewestPrivate();
  }

  // Scrolls only the panel (never the page) so the newest reply starts just below the sticky heading;
  // one that fits is then shown whole, since the panel cannot scroll past its end.
  function showNewestPrivate() {
    const panel = $('private');
    const newest = $('private-messages').lastElementChild;
    const head = panel.querySelector('.private-head');
    panel.scrollTop += newest.getBoundingClientRect().top - head.getBoundingClientRect().bottom;
  }

  // ---------- requests ----------
  async function post(path, payload) {
    let response;
    try {
      response = await fetch(API + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(payload),
      });
    } catch {
      return { error: 'The playground server is not reachable. Is the bot still running?' };
    }
    let data = null;
    try { data = await response.json(); } catch { data = null; }
    if (response.status === 401) askForKey();
    if (!response.ok) return { error: (data && data.error) || `The server answered ${response.status}.` };
    return data || {};
  }

  async function sendCommand(text) {
    // The reply belongs to whoever sent the request, even if the tab switched person meanwhile.
    const who = personKey();
    const file = state.attachment;
    const about = file ? `${text} 📎 ${file.name}` : text;
    const result = file
      ? await post('/commands/file', { channel: state.channel, text, person: state.person, file: { name: file.name, mediaType: file.type || null, contentBase64: await base64Of(file) } })
      : await post('/commands', { channel: state.channel, text, person: state.person });
    if (!result.error && file) setAttachment(null);
    if (result.error) addPrivate({ error: result.error, about, time: new Date().toISOString() }, who);
    else if (result.reply) addPrivate({ message: result.reply, about, time: result.reply.time }, who);
    return !result.error;
  }

  function base64Of(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  // A file rides along with the next command sent (the playground's side of /quiz deck add's file option).
  function setAttachment(file) {
    state.attachment = file;
    $('attachment').hidden = !file;
    $('attachment-name').textContent = file ? `📎 ${file.name} (${sizeText(file.size)}) goes with the next command` : '';
    if (!file) $('attach-input').value = '';
  }

  async function sendAnswer(postId, values, card) {
    const controls = card ? [...card.querySelectorAll('button, fieldset')] : [];
    controls.forEach((c) => { c.dataset.wasDisabled = c.disabled ? '1' : ''; c.disabled = true; });
    const who = personKey();
    const result = await post('/answers', { channel: state.channel, postId, values, person: state.person });
    controls.forEach((c) => { if (c.isConnected) c.disabled = c.dataset.wasDisabled === '1'; });
    const about = values.join(', ');
    if (result.error) addPrivate({ error: result.error, about, time: new Date().toISOString() }, who);
    else if (result.reply) addPrivate({ message: result.reply, about, time: result.reply.time }, who);
  }

  function flash(form, text) {
    let note = form.querySelector('.form-note');
    if (!note) { note = el('p', { class: 'form-note error', role: 'alert' }); form.append(note); }
    note.textContent = text;
  }

  // ---------- live events ----------
  function connect() {
    if (state.events) state.events.close();
    const status = $('status');
    status.textContent = 'Connecting…';
    status.dataset.state = 'connecting';
    const source = new EventSource(`${API}/events?channel=${encodeURIComponent(state.channel)}`);
    state.events = source;
    const parse = (e) => { try { return JSON.parse(e.data); } catch { return null; } };
    source.addEventListener('reset', (e) => {
      const history = parse(e);
      if (history) resetMessages(history);
      status.textContent = 'Live';
      status.dataset.state = 'live';
    });
    source.addEventListener('post', (e) => { const m = parse(e); if (m) addMessage(m); });
    source.addEventListener('update', (e) => { const m = parse(e); if (m) updateMessage(m); });
    source.addEventListener('error', () => {
      status.textContent = 'Reconnecting…';
      status.dataset.state = 'connecting';
      // The browser retries a dropped stream by itself, but not one the server refused (401, 429).
      if (source.readyState === EventSource.CLOSED) retryLater(source);
    });
  }

  async function retryLater(source) {
    try {
      if ((await fetch(API + '/config', { headers: { Accept: 'application/json' } })).status === 401) { askForKey(); return; }
    } catch { /* the server is away; try again below */ }
    // Spread out so a room full of tabs does not come back in one burst.
    setTimeout(() => { if (state.events === source) connect(); }, 5000 + Math.random() * 20000);
  }

  // ---------- access key ----------
  function askForKey() {
    if (state.events) { state.events.close(); state.events = null; }
    $('access-gate').hidden = false;
    $('access-key').focus();
  }

  function initAccess() {
    $('access-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const response = await fetch(API + '/access', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ key: $('access-key').value }),
      }).catch(() => null);
      if (response && response.ok) {
        $('access-key').value = '';
        $('access-error').textContent = '';
        $('access-gate').hidden = true;
        start();
        return;
      }
      let message = 'The playground server is not reachable.';
      if (response) { try { message = (await response.json()).error; } catch { message = `The server answered ${response.status}.`; } }
      $('access-error').textContent = message;
    });
  }

  // ---------- person ----------
  const wide = () => window.matchMedia('(min-width: 761px)').matches;

  function loadJson(storage, key) {
    try { return JSON.parse(storage.getItem(key) || 'null'); } catch { return null; }
  }

  function saveJson(storage, key, value) {
    try { storage.setItem(key, JSON.stringify(value)); } catch { /* storage full or disabled: the tab still works */ }
  }

  function validName(name) {
    if (!name) return 'Type a name.';
    if (name.length > state.config.maxNameLength) return `At most ${state.config.maxNameLength} characters.`;
    if (!/[\p{L}\p{N}]/u.test(name)) return 'Use at least one letter or digit.';
    if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\u034F\u115F\u1160\u3164\uFFA0\u2800]/u.test(name)) return 'Use visible characters only: no zero-width or direction-changing characters.';
    return '';
  }

  function setPerson(person, remember) {
    state.person = { name: person.name.trim(), admin: !!person.admin && state.config.allowAdminSwitch };
    // Each tab keeps its own person (sessionStorage); new tabs start as the last one chosen anywhere.
    saveJson(sessionStorage, PERSON_KEY, state.person);
    saveJson(localStorage, PERSON_KEY, state.person);
    if (remember) {
      const recent = (loadJson(localStorage, RECENT_KEY) || []).filter((p) => p && typeof p.name === 'string' && p.name.toLowerCase() !== state.person.name.toLowerCase());
      recent.unshift(state.person);
      saveJson(localStorage, RECENT_KEY, recent.slice(0, 8));
    }
    $('person-name').value = state.person.name;
    $('person-admin').checked = state.person.admin;
    const current = $('person-current');
    current.replaceChildren();
    append(current, [el('strong', { text: state.person.name }), state.person.admin ? el('span', { class: 'admin-tag', text: 'admin' }) : null]);
    renderRecent();
    renderPrivate();
  }

  function renderRecent() {
    const recent = (loadJson(localStorage, RECENT_KEY) || []).filter((p) => p && typeof p.name === 'string' && !validName(p.name));
    const list = $('recent-people');
    list.replaceChildren();
    for (const p of recent) {
      if (p.name === state.person.name && !!p.admin === state.person.admin) continue;
      list.append(el('li', null, el('button', {
        type: 'button', class: 'chip', onclick: () => setPerson(p, true),
        'aria-label': `Act as ${p.name}${p.admin ? ' (admin)' : ''}`,
      }, p.name, p.admin ? el('span', { class: 'admin-tag', text: 'admin' }) : null)));
    }
    $('recent-wrap').hidden = list.children.length === 0;
  }

  function initPerson() {
    const saved = loadJson(sessionStorage, PERSON_KEY) || loadJson(localStorage, PERSON_KEY);
    const person = saved && typeof saved.name === 'string' && !validName(saved.name.trim())
      ? saved
      : { name: 'Student ' + (1 + Math.floor(Math.random() * 99)), admin: false };
    setPerson(person, false);
    $('person-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const name = $('person-name').value.trim();
      const problem = validName(name);
      $('person-error').textContent = problem;
      if (problem) { $('person-name').focus(); return; }
      setPerson({ name, admin: $('person-admin').checked }, true);
      // On a phone the open form would keep taking the room the channel and the private replies need.
      if (!wide()) $('person-details').open = false;
    });
    // Phones start with the person form folded away to leave room for the channel.
    $('person-details').open = wide();
    if (!state.config.allowAdminSwitch) {
      $('person-admin-label').hidden = true;
      $('person-admin-note').hidden = false;
    }
  }

  // ---------- channels ----------
  function initChannels() {
    const wanted = new URLSearchParams(location.search).get('channel');
    state.channel = state.config.channels.includes(wanted) ? wanted : state.config.channels[0];
    $('channel-name').textContent = state.channel;
    $('room-name').textContent = state.config.room;
    $('messages').setAttribute('aria-label', `Messages in #${state.channel}`);
    document.title = `#${state.channel} · Cl37 Bot playground`;
    const list = $('channels');
    list.replaceChildren();
    for (const name of state.config.channels) {
      const link = el('a', { href: '?channel=' + encodeURIComponent(name), class: 'channel-link' }, el('span', { 'aria-hidden': 'true', text: '# ' }), name);
      if (name === state.channel) link.setAttribute('aria-current', 'page');
      list.append(el('li', null, link));
    }
  }

  // ---------- command completion ----------
  const words = (s) => s.trim().split(/\s+/).filter(Boolean);

  function findCommand(name) {
    return state.commands.find((c) => c.name.toLowerCase() === name.replace(/^\//, '').toLowerCase());
  }

  function suggest(text) {
    const endsWithSpace = /\s$/.test(text);
    const tokens = words(text);
    if (tokens.length === 0 || (tokens.length === 1 && !endsWithSpace)) {
      const typed = (tokens[0] || '').replace(/^\//, '').toLowerCase();
      return {
        hint: 'Commands',
        items: state.commands.filter((c) => c.name.startsWith(typed)).map((c) => ({
          label: '/' + c.name, detail: c.description, insert: '/' + c.name + ' ', admin: c.adminOnly,
        })),
      };
    }
    const command = findCommand(tokens[0]);
    if (!command) return { hint: `Unknown command ${shorten(tokens[0], 40)}: try /help.`, items: [] };
    let rest = tokens.slice(1);
    let sub = null;
    if (command.subCommands.length) {
      const two = rest.slice(0, 2).join(' ').toLowerCase();
      const one = (rest[0] || '').toLowerCase();
      sub = command.subCommands.find((s) => s.name === two && (rest.length > 2 || endsWithSpace))
        || command.subCommands.find((s) => s.name === one && !s.name.includes(' ') && (rest.length > 1 || endsWithSpace));
      if (!sub) {
        const typed = rest.join(' ').toLowerCase();
        return {
          hint: `/${command.name}: ${command.description}`,
          items: command.subCommands.filter((s) => s.name.startsWith(typed)).map((s) => ({
            label: `/${command.name} ${s.name}`, detail: s.description, insert: `/${command.name} ${s.name} `, admin: s.adminOnly,
          })),
        };
      }
      rest = rest.slice(sub.name.split(' ').length);
    }
    const options = sub ? sub.options : command.options;
    const usage = sub ? sub.usage : command.usage;
    const named = new Set(rest.filter((t) => /^[\w-]+[:=]/.test(t) || t.startsWith('--')).map((t) => t.replace(/^--/, '').split(/[:=]/)[0].toLowerCase()));
    const positional = rest.filter((t) => !/^[\w-]+[:=]/.test(t) && !t.startsWith('--'));
    const completing = !endsWithSpace && rest.length > 0;
    const filled = completing ? positional.length - 1 : positional.length;
    const open = options.filter((o) => o.kind !== 'boolean' && o.kind !== 'file' && !named.has(o.name.toLowerCase()));
    const fileOption = options.find((o) => o.kind === 'file');
    const current = open[Math.min(filled, open.length - 1)] || null;
    const prefix = tokens.slice(0, tokens.length - (completing ? 1 : 0)).join(' ') + ' ';
    const typed = completing ? tokens[tokens.length - 1].toLowerCase() : '';
    const items = [];
    if (current && current.choices && filled < open.length) {
      for (const choice of current.choices) {
        if (choice.startsWith(typed)) items.push({ label: choice, detail: current.description, insert: prefix + choice + ' ' });
      }
    }
    for (const o of options) {
      if (named.has(o.name.toLowerCase()) || o.kind === 'file') continue;
      const token = o.kind === 'boolean' ? o.name + ':true' : o.name + ':';
      if (typed && !token.startsWith(typed) && !token.startsWith('--' + typed)) continue;
      items.push({ label: token, detail: `${o.description}${o.required ? ' (required)' : ''}`, insert: prefix + token + (o.kind === 'boolean' ? ' ' : '') });
    }
    const describe = current && filled < open.length ? ` — next: ${current.name}: ${current.description}` : '';
    const attach = fileOption && !state.attachment ? ` — attach the ${fileOption.name} with 📎` : '';
    return { hint: usage + describe + attach, items: items.slice(0, 12) };
  }

  function renderSuggestions() {
    const input = $('command');
    const list = $('completions');
    const { hint, items } = input.value.trim() === ''
      ? { hint: 'Type / for the commands. Tab or Enter picks a suggestion · ↑ ↓ move · Esc closes.', items: [] }
      : suggest(input.value);
    state.suggestions = input.value.trim() === '' && document.activeElement !== input ? [] : items;
    state.active = Math.min(state.active, state.suggestions.length - 1);
    $('hint').textContent = hint;
    list.replaceChildren();
    state.suggestions.forEach((item, index) => {
      const option = el('li', {
        id: 'completion-' + index, role: 'option', class: 'completion', 'aria-selected': index === state.active ? 'true' : 'false',
        onmousedown: (e) => { e.preventDefault(); accept(index); },
      }, el('span', { class: 'completion-label', text: item.label }),
      item.admin ? el('span', { class: 'admin-tag', text: 'admin' }) : null,
      el('span', { class: 'completion-detail', text: item.detail }));
      list.append(option);
    });
    const open = state.suggestions.length > 0 && input.dataset.open === '1';
    list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open && state.active >= 0) {
      input.setAttribute('aria-activedescendant', 'completion-' + state.active);
      list.children[state.active].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function accept(index) {
    const item = state.suggestions[index];
    if (!item) return;
    const input = $('command');
    input.value = item.insert;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    state.active = -1;
    renderSuggestions();
  }

  function initComposer() {
    const input = $('command');
    const form = $('composer');
    input.addEventListener('input', () => { input.dataset.open = '1'; state.active = -1; state.historyIndex = -1; renderSuggestions(); });
    input.addEventListener('focus', () => { if (input.value.startsWith('/')) { input.dataset.open = '1'; renderSuggestions(); } });
    input.addEventListener('blur', () => { input.dataset.open = ''; renderSuggestions(); });
    input.addEventListener('keydown', (e) => {
      const open = !$('completions').hidden;
      if (e.key === 'ArrowDown' && open) {
        e.preventDefault();
        state.active = (state.active + 1) % state.suggestions.length;
        renderSuggestions();
      } else if (e.key === 'ArrowUp' && open) {
        e.preventDefault();
        state.active = state.active <= 0 ? state.suggestions.length - 1 : state.active - 1;
        renderSuggestions();
      } else if (e.key === 'ArrowUp' && !open && state.history.length) {
        e.preventDefault();
        state.historyIndex = Math.min(state.historyIndex + 1, state.history.length - 1);
        input.value = state.history[state.history.length - 1 - state.historyIndex];
      } else if (e.key === 'ArrowDown' && !open && state.historyIndex >= 0) {
        e.preventDefault();
        state.historyIndex -= 1;
        input.value = state.historyIndex < 0 ? '' : state.history[state.history.length - 1 - state.historyIndex];
      } else if ((e.key === 'Tab' && open && !e.shiftKey) || (e.key === 'Enter' && open && state.active >= 0)) {
        e.preventDefault();
        accept(state.active >= 0 ? state.active : 0);
      } else if (e.key === 'Escape' && open) {
        e.preventDefault();
        input.dataset.open = '';
        renderSuggestions();
      }
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) { $('hint').textContent = 'Type a command first, for example /help.'; return; }
      input.dataset.open = '';
      renderSuggestions();
      $('send').disabled = true;
      const ok = await sendCommand(text);
      $('send').disabled = false;
      if (state.history[state.history.length - 1] !== text) state.history.push(text);
      if (state.history.length > 50) state.history.shift();
      state.historyIndex = -1;
      if (ok) input.value = '';
      input.focus();
      renderSuggestions();
    });
    $('attach').addEventListener('click', () => $('attach-input').click());
    $('attach-input').addEventListener('change', () => {
      setAttachment($('attach-input').files[0] || null);
      input.focus();
      renderSuggestions();
    });
    $('attachment-clear').addEventListener('click', () => { setAttachment(null); input.focus(); renderSuggestions(); });
    $('private-clear').addEventListener('click', () => {
      state.privateByPerson.set(personKey(), []);
      renderPrivate();
      input.focus();
    });
  }

  // ---------- start ----------
  async function getJson(path) {
    const response = await fetch(API + path, { headers: { Accept: 'application/json' } });
    if (response.status === 401) throw Object.assign(new Error('the access key is needed'), { needsKey: true });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  }

  let initialised = false;

  async function start() {
    try {
      state.config = await getJson('/config');
      state.commands = await getJson('/commands');
    } catch (error) {
      if (error.needsKey) { askForKey(); return; }
      $('status').textContent = 'Could not load the playground: ' + error.message;
      $('status').dataset.state = 'error';
    }
    if (!initialised) {
      initialised = true;
      initChannels();
      initPerson();
      initComposer();
      followChannel();
    }
    connect();
    document.body.dataset.ready = '1';
  }

  initAccess();
  start();
})();
