/**
 * The shell's test of "is this the app's own page" (IPC sender, navigation), for the places the app
 * is installed: Chromium reports the page's URL percent-encoded, with a drive letter on Windows.
 */
import { describe, expect, it } from 'vitest';
import { isRendererUrl, rendererRootUrl } from '../../electron/main/rendererUrl';

const INSTALLS = [
  {
    name: 'Windows, C:\\Program Files\\Kho Lưu',
    windows: true,
    indexHtml: 'C:\\Program Files\\Kho Lưu\\resources\\app.asar\\dist\\renderer\\index.html',
    chromium: 'file:///C:/Program%20Files/Kho%20L%C6%B0u/resources/app.asar/dist/renderer/index.html',
    sibling: 'file:///C:/Program%20Files/Kho%20L%C6%B0u/resources/app.asar/dist/renderer-x/index.html',
  },
  {
    name: 'macOS, /Applications/Kho Lưu.app',
    windows: false,
    indexHtml: '/Applications/Kho Lưu.app/Contents/Resources/app.asar/dist/renderer/index.html',
    chromium: 'file:///Applications/Kho%20L%C6%B0u.app/Contents/Resources/app.asar/dist/renderer/index.html',
    sibling: 'file:///Applications/Kho%20L%C6%B0u.app/Contents/Resources/app.asar/dist/rendererx/index.html',
  },
  {
    name: 'Linux, a home folder with Vietnamese letters',
    windows: false,
    indexHtml: '/home/thư ký/Ứng dụng/Kho Lưu/resources/app.asar/dist/renderer/index.html',
    chromium: 'file:///home/th%C6%B0%20k%C3%BD/%E1%BB%A8ng%20d%E1%BB%A5ng/Kho%20L%C6%B0u/resources/app.asar/dist/renderer/index.html',
    sibling: 'file:///home/th%C6%B0%20k%C3%BD/%E1%BB%A8ng%20d%E1%BB%A5ng/Kho%20L%C6%B0u/resources/app.asar/dist/index.html',
  },
];

describe.each(INSTALLS)('the app installed on $name', ({ windows, indexHtml, chromium, sibling }) => {
  const root = rendererRootUrl(indexHtml, windows);

  it('recognises the page Chromium loaded (and its routes, assets)', () => {
    expect(root.endsWith('/')).toBe(true);
    expect(isRendererUrl(chromium, root, windows)).toBe(true);
    expect(isRendererUrl(`${chromium}#/tim-kiem?q=b%C3%A0n%20giao`, root, windows)).toBe(true);
    expect(isRendererUrl(chromium.replace('index.html', 'assets/index-3f2a.js'), root, windows)).toBe(true);
  });

  it('refuses pages elsewhere: a sibling folder, a way out, another machine, another scheme', () => {
    expect(isRendererUrl(sibling, root, windows)).toBe(false);
    expect(isRendererUrl(chromium.replace('/renderer/', '/renderer/../../'), root, windows)).toBe(false);
    expect(isRendererUrl(chromium.replace('/renderer/', '/renderer/%2E%2E%2F%2E%2E%2F'), root, windows)).toBe(false);
    expect(isRendererUrl(chromium.replace('file:///', 'file://may-khac/'), root, windows)).toBe(false);
    expect(isRendererUrl('https://example.com/index.html', root, windows)).toBe(false);
    expect(isRendererUrl('', root, windows)).toBe(false);
    expect(isRendererUrl('not a url', root, windows)).toBe(false);
  });
});

describe('spelling differences that name the same file', () => {
  it('Windows: the drive letter and folder names in another case', () => {
    const root = rendererRootUrl(INSTALLS[0]!.indexHtml, true);
    expect(isRendererUrl('file:///c:/program%20files/kho%20l%C6%B0u/resources/app.asar/dist/renderer/index.html', root, true)).toBe(true);
    expect(isRendererUrl('file:///D:/Program%20Files/Kho%20L%C6%B0u/resources/app.asar/dist/renderer/index.html', root, true)).toBe(false);
  });

  it('macOS: a decomposed “ư” (as HFS+ stores names) is the same folder', () => {
    const root = rendererRootUrl(INSTALLS[1]!.indexHtml, false);
    const decomposed = 'file:///Applications/Kho%20Lu%CC%9Bu.app/Contents/Resources/app.asar/dist/renderer/index.html';
    expect(isRendererUrl(decomposed, root, false)).toBe(true);
  });
});
