// Live comment threads (/Submissions/{id}/Comments). The page works without this module: it adds comments posted
// by others as they arrive, keeps up-vote tallies current, and follows moderators' decisions (a hidden comment gives
// way to a placeholder and keeps its replies; a restored or approved one appears). Every event carries the thread's sequence number;
// after a gap or a reconnect the module asks the API for what it missed, or reloads when told a snapshot is needed.
import { HubConnectionBuilder } from "@microsoft/signalr";

interface CommentView {
  id: string;
  parentId: string | null;
  depth: number;
  authorName: string;
  bodyHtml: string;
  createdAt: string;
  state: string;
  upvotes: number;
  sequence: number;
  hiddenReason: string | null;
}

interface ThreadVisibilityChanged {
  hidden: boolean;
  sequence: number;
}

interface UpvoteTallies {
  sequences: number[];
  tallies: { commentId: string; upvotes: number }[];
}

interface CommentsSince {
  sequence: number;
  snapshotNeeded: boolean;
  changes: CommentView[];
}

// A gap may be an event still on its way (tallies are coalesced); wait this long before asking the server.
const gapPatienceMs = 1500;

const section = document.querySelector<HTMLElement>("[data-comment-thread]");
if (section) {
  follow(section);
}

function follow(thread: HTMLElement): void {
  const submissionId = thread.dataset.submissionId!;
  const list = thread.querySelector<HTMLElement>("[data-comment-list]")!;
  const template = thread.querySelector<HTMLTemplateElement>("template[data-comment-template]")!;
  const status = thread.querySelector<HTMLElement>("[data-live-status]");
  const more = thread.querySelector<HTMLElement>("[data-live-more]");
  const threadHidden = thread.querySelector<HTMLElement>("[data-thread-hidden]");
  const hiddenTexts = thread.querySelector<HTMLTemplateElement>("template[data-hidden-texts]")!;
  let last = Number(thread.dataset.sequence ?? "0");
  const early = new Set<number>();
  let catchUpTimer: number | undefined;

  // Records sequences as applied and moves `last` over every contiguous one; anything left over is a gap.
  function advance(sequences: number[]): void {
    for (const sequence of sequences) {
      if (sequence > last) {
        early.add(sequence);
      }
    }
    while (early.delete(last + 1)) {
      last++;
    }
    if (early.size > 0 && catchUpTimer === undefined) {
      catchUpTimer = window.setTimeout(() => void catchUp(), gapPatienceMs);
    }
  }

  async function catchUp(): Promise<void> {
    window.clearTimeout(catchUpTimer);
    catchUpTimer = undefined;
    const response = await fetch(`/api/submissions/${submissionId}/comments?after=${last}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (response.status === 404) {
      // The thread closed (a moderator hid the submission) while we were away: the page now says so.
      window.location.reload();
      return;
    }
    if (!response.ok) {
      return;
    }
    const since = (await response.json()) as CommentsSince;
    if (since.snapshotNeeded) {
      window.location.reload();
      return;
    }
    since.changes.forEach(apply);
    last = Math.max(last, since.sequence);
    for (const sequence of early) {
      if (sequence <= last) {
        early.delete(sequence);
      }
    }
  }

  // Brings one comment to its current state, whether it is new here or already shown.
  function apply(comment: CommentView): void {
    const shown = document.getElementById(`comment-${comment.id}`);
    if (!shown) {
      insert(comment);
    } else if (shown.dataset.state !== comment.state) {
      // Hidden, restored or approved: a fresh rendering replaces the comment itself; its replies stay.
      shown.querySelector(":scope > article")!.replaceWith(render(comment).querySelector(":scope > article")!);
      shown.dataset.state = comment.state;
      if (status) {
        status.textContent = thread.dataset.textModerated ?? "";
      }
    } else {
      showUpvotes(shown, comment.upvotes);
    }
  }

  function insert(comment: CommentView): void {
    const container = comment.parentId
      ? document.getElementById(`comment-${comment.parentId}`)?.querySelector<HTMLElement>(":scope > [data-replies]")
      : thread.dataset.liveInsert === "true" ? list : null;
    if (!container) {
      // Not on this page (another page, or another order): offer the newest instead of reshuffling the list.
      if (!comment.parentId && more) {
        more.hidden = false;
      }
      return;
    }
    const item = render(comment);
    if (comment.parentId) {
      container.append(item);
    } else {
      container.prepend(item);
    }
    if (status) {
      status.textContent = thread.dataset.textPosted ?? "";
    }
  }

  // A comment as the server renders it for everyone: a visible one with its forms, a hidden one as a placeholder.
  function render(comment: CommentView): HTMLElement {
    const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
    item.id = `comment-${comment.id}`;
    item.dataset.state = comment.state;
    item.dataset.commentId = comment.id;
    item.dataset.depth = String(comment.depth);
    item.querySelector("[data-author]")!.textContent = comment.authorName;
    const time = item.querySelector("time")!;
    time.dateTime = comment.createdAt;
    time.textContent = `${comment.createdAt.slice(0, 16).replace("T", " ")} UTC`;
    const body = item.querySelector<HTMLElement>("[data-body]")!;
    if (comment.state === "hidden") {
      const reason = comment.hiddenReason ?? "other";
      const placeholder = hiddenTexts.content.querySelector(`[data-reason="${CSS.escape(reason)}"]`) ?? hiddenTexts.content.querySelector('[data-reason="other"]');
      body.replaceWith(placeholder!.cloneNode(true));
      // Nothing to vote on, answer or flag any more.
      item.querySelectorAll(":scope > article form, :scope > article details, :scope > article [data-flag-link]").forEach((part) => part.remove());
    } else {
      // Sanitised by the server when the comment was saved (Markdig without raw HTML, then HtmlSanitizer).
      body.innerHTML = comment.bodyHtml;
    }
    item.querySelectorAll<HTMLAnchorElement>("[data-flag-link]").forEach((link) => (link.href = link.getAttribute("href") + comment.id));
    item.querySelectorAll<HTMLInputElement>("[data-comment-field]").forEach((field) => (field.value = comment.id));
    item.querySelectorAll<HTMLInputElement>("[data-new-id]").forEach((field) => (field.value = crypto.randomUUID()));
    const reply = item.querySelector<HTMLTextAreaElement>("[data-reply-body]");
    if (reply) {
      reply.id = `reply-${comment.id}`;
      item.querySelector<HTMLLabelElement>(`label[for="reply-"]`)?.setAttribute("for", reply.id);
    }
    showUpvotes(item, comment.upvotes);
    return item;
  }

  function showUpvotes(item: HTMLElement, upvotes: number): void {
    const tally = item.querySelector<HTMLElement>(":scope > article [data-upvotes]");
    if (tally) {
      tally.dataset.upvotes = String(upvotes);
      tally.textContent = (thread.dataset.textUpvotes ?? "{0}").replace("{0}", String(upvotes));
    }
  }

  const connection = new HubConnectionBuilder()
    .withUrl("/hubs/threads")
    .withAutomaticReconnect()
    .withStatefulReconnect()
    .build();
  connection.on("CommentPosted", (comment: CommentView) => {
    apply(comment);
    advance([comment.sequence]);
  });
  connection.on("CommentModerated", (comment: CommentView) => {
    apply(comment);
    advance([comment.sequence]);
  });
  connection.on("ThreadVisibilityChanged", (change: ThreadVisibilityChanged) => {
    if (change.hidden && threadHidden) {
      // The thread is closed: say so, and stop offering forms that would now be refused.
      threadHidden.hidden = false;
      thread.querySelectorAll("form").forEach((form) => form.remove());
      void connection.stop();
    }
    advance([change.sequence]);
  });
  connection.on("CommentUpvoted", (tallies: UpvoteTallies) => {
    for (const tally of tallies.tallies) {
      const shown = document.getElementById(`comment-${tally.commentId}`);
      if (shown) {
        showUpvotes(shown, tally.upvotes);
      }
    }
    advance(tallies.sequences);
  });

  // Joining answers the thread's sequence now: behind it, fetch what was missed (also after every reconnect).
  async function join(): Promise<void> {
    const current = await connection.invoke<number>("JoinThread", submissionId);
    if (current > last) {
      await catchUp();
    }
  }
  connection.onreconnected(() => void join());
  connection
    .start()
    .then(join)
    .catch(() => {
      // No live updates (blocked or offline): the page and its forms keep working, a reload shows new comments.
    });
}
