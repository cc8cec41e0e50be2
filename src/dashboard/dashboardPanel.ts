import { errorText } from '../core/errorText';
import * as vscode from 'vscode';
import { DEFAULT_DASHBOARD_RANGE, isDashboardRange, type DashboardRange } from '../core/balance/dashboardRanges';
import type { DashboardViewModel } from '../core/dashboard/model';
import { buildDashboardViewModel, dashboardLoad } from '../core/dashboard/viewModel';
import { Disposable } from '../host/dispose';
import { DASHBOARD_VIEW_TYPE, isTab, parseWebviewMessage, type DashboardTab, type HostToWebview, type WebviewToHost } from '../shared/protocol';
import { DASHBOARD_COMMANDS } from './commandIds';
import type { DashboardDataSource } from './dataSource';
import { dashboardHtml, newNonce } from './html';

/** What the panel and the dashboard commands need from the extension. */
export interface DashboardDeps {
  readonly extensionUri: vscode.Uri;
  readonly source: DashboardDataSource;
  readonly log: Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error'>;
  /** Opens a webview panel: VS Code's, or the integration-test entry's, which watches what the panel is sent. */
  readonly createWebviewPanel: typeof vscode.window.createWebviewPanel;
}


/** The range and tab a restored webview saved (see WebviewState), each when valid. */
function savedView(state: unknown): { range?: DashboardRange; tab?: DashboardTab } {
  if (typeof state !== 'object' || state === null) return {};
  const { range, tab } = state as { range?: unknown; tab?: unknown };
  return { range: isDashboardRange(range) ? range : undefined, tab: isTab(tab) ? tab : undefined };
}

/** The tab a new dashboard shows first. */
const FIRST_TAB: DashboardTab = 'overview';

/** How long the figures must stay unchanged before an open dashboard shows them. */
const REFRESH_DEBOUNCE_MS = 1000;

/** The one dashboard panel there may be: opened by the command, restored after a reload, revealed when already open. */
export class DashboardPanels implements vscode.Disposable {
  private panel: DashboardPanel | undefined;

  constructor(private readonly deps: DashboardDeps) {}

  /** The open dashboard, if any: Export Data exports its range. */
  get current(): DashboardPanel | undefined {
    return this.panel;
  }

  /** Opens the dashboard, or reveals the one already open (there is never more than one). */
  createOrShow(range?: DashboardRange): DashboardPanel {
    const column = vscode.window.activeTextEditor?.viewColumn;
    if (this.panel) {
      this.panel.panel.reveal(column);
      if (range) this.panel.setRange(range);
      return this.panel;
    }
    const panel = this.deps.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Hands-On Dashboard', column ?? vscode.ViewColumn.One, DashboardPanel.webviewOptions(this.deps.extensionUri));
    return this.adopt(panel, range ?? DEFAULT_DASHBOARD_RANGE, FIRST_TAB);
  }

  /** Takes over a panel VS Code restored after a reload (the serializer registered in wiring.ts). */
  revive(panel: vscode.WebviewPanel, state: unknown): DashboardPanel {
    this.panel?.dispose();
    const saved = savedView(state);
    return this.adopt(panel, saved.range ?? DEFAULT_DASHBOARD_RANGE, saved.tab ?? FIRST_TAB);
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, range: DashboardRange, tab: DashboardTab): DashboardPanel {
    const dashboard = new DashboardPanel(panel, this.deps, { range, tab }, () => {
      if (this.panel === dashboard) this.panel = undefined;
    });
    this.panel = dashboard;
    return dashboard;
  }
}

/** The dashboard in one webview panel (see DashboardPanels, which keeps it single). */
export class DashboardPanel extends Disposable {
  private ready = false;
  private seq = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private _range: DashboardRange;
  /** The tab the webview shows: the only one built. */
  private tab: DashboardTab;
  private _shownModel: DashboardViewModel | undefined;
  /** The figures for the first page, loaded while the webview's script loads; dropped once the figures or the view state change. */
  private prefetched: { range: DashboardRange; tab: DashboardTab; model: Promise<DashboardViewModel> } | undefined;

  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    // No retainContextWhenHidden: the webview is rebuilt when shown again, says `ready`, and gets fresh data.
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: DashboardDeps,
    { range, tab }: { range: DashboardRange; tab: DashboardTab },
    private readonly onDispose: () => void,
  ) {
    super();
    this._range = range;
    this.tab = tab;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icon.svg');
    panel.webview.options = DashboardPanel.webviewOptions(deps.extensionUri);
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)));
    this.register(
      panel.onDidChangeViewState(() => {
        // Figures loaded ahead are for a page about to load now, not one shown later (they would be stale by then).
        this.prefetched = undefined;
        // A hidden webview is torn down (no retainContextWhenHidden); it says `ready` again when shown.
        if (!panel.visible) this.ready = false;
      }),
    );
    this.register(
      deps.source.onDidChange(() => {
        this.prefetched = undefined;
        // While hidden there is no page to post to; it gets fresh figures when it says `ready` again.
        if (!this.ready || !panel.visible) return;
        // Typing beside the dashboard changes the figures at every flush: one refresh per burst, patched in place.
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DEBOUNCE_MS);
      }),
    );
    this.register({ dispose: () => clearTimeout(this.refreshTimer) });
    this.render();
    // A panel restored in the background loads its page only when shown: then it asks for fresh figures.
    if (panel.visible) {
      const model = this.buildModel(range, tab);
      // Handled where it is awaited; unawaited (the figures changed first) its failure is no one's concern.
      model.catch(() => undefined);
      this.prefetched = { range, tab, model };
    }
  }

  get range(): DashboardRange {
    return this._range;
  }

  /** A fresh page with a fresh nonce. */
  private render(): void {
    const webview = this.panel.webview;
    this.ready = false;
    webview.html = dashboardHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'dashboard.css')).toString(),
      nonce: newNonce(),
    });
  }

  setRange(range: DashboardRange): void {
    if (range === this._range && this._shownModel?.header.range === range) return;
    this._range = range;
    if (this.ready) void this.refresh();
  }

  private showTab(tab: DashboardTab): void {
    if (tab === this.tab && this._shownModel?.tab.id === tab) return;
    this.tab = tab;
    if (this.ready) void this.refresh();
  }

  private onMessage(raw: unknown): void {
    const message: WebviewToHost | undefined = parseWebviewMessage(raw);
    if (!message) {
      this.deps.log.warn('Dashboard: ignored a malformed message from the webview');
      return;
    }
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        if (message.state) ({ range: this._range, tab: this.tab } = message.state);
        const prefetched = this.prefetched?.range === this._range && this.prefetched.tab === this.tab ? this.prefetched.model : undefined;
        this.prefetched = undefined;
        void this.refresh(prefetched);
        return;
      }
      case 'setRange':
        this.setRange(message.range);
        return;
      case 'showTab':
        this.showTab(message.tab);
        return;
      case 'exportFocusBlocks':
        void vscode.commands.executeCommand(DASHBOARD_COMMANDS.exportFocusBlocks);
        return;
      case 'copySummary':
        void vscode.commands.executeCommand(DASHBOARD_COMMANDS.copySummary);
        return;
      case 'exportData':
        void vscode.commands.executeCommand(DASHBOARD_COMMANDS.exportData);
        return;
      case 'openSettings':
        void vscode.commands.executeCommand('workbench.action.openSettings', message.query);
        return;
      case 'rendered':
        if (message.seq === this.seq) this.deps.log.info(`Dashboard rendered in ${Math.round(message.ms)} ms`);
        return;
    }
  }

  /**
   * Loads and posts the figures for the current range and tab (or the ones loaded ahead for them); a newer refresh wins over
   * an older one still loading.
   */
  refresh(prefetched?: Promise<DashboardViewModel>): Promise<void> {
    return this.load(prefetched).catch((error: unknown) => {
      const text = errorText(error);
      this.deps.log.error(`Dashboard: could not load the figures: ${text}`);
      void this.post({ type: 'error', message: `Could not load the figures: ${text}` });
    });
  }

  private async load(prefetched?: Promise<DashboardViewModel>): Promise<void> {
    const seq = ++this.seq;
    const model = await (prefetched ?? this.buildModel(this._range, this.tab));
    if (seq !== this.seq || this.isDisposed) return;
    if (await this.post({ type: 'update', model, seq })) this._shownModel = model;
  }

  private async buildModel(range: DashboardRange, tab: DashboardTab): Promise<DashboardViewModel> {
    const { now, zone, settings } = this.deps.source.context();
    // One read for the header and the one tab shown.
    const load = dashboardLoad(range, tab, now, zone, settings.weekStartsOn);
    const inputs = await this.deps.source.load(load.range, load.breakdownRange, load.skillsRange);
    return buildDashboardViewModel(inputs, range, tab);
  }

  private async post(message: HostToWebview): Promise<boolean> {
    if (this.isDisposed) return false;
    return this.panel.webview.postMessage(message);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.onDispose();
    super.dispose();
    this.panel.dispose();
  }
}
