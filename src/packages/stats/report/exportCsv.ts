import Taro from '@tarojs/taro';

/**
 * Hands a CSV file to the officer: in a browser, a download; in WeChat, a file written to the
 * mini-program's user folder and offered to send to a chat (where a computer opens it), or, on a
 * WeChat too old to send files, the text copied to the clipboard. Resolves to what happened (the
 * officer may close WeChat's chat picker: 'cancelled'); rejects when the file could not be handed over.
 */
export async function exportCsv(fileName: string, text: string): Promise<'downloaded' | 'shared' | 'copied' | 'cancelled'> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return 'downloaded';
  }
  if (typeof Taro.shareFileMessage === 'function') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
    Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
    try {
      await Taro.shareFileMessage({ filePath, fileName });
    } catch (e) {
      // The officer closed the chat picker: nothing went wrong.
      if (/fail cancel/.test((e as { errMsg?: string } | undefined)?.errMsg ?? '')) return 'cancelled';
      throw e;
    }
    return 'shared';
  }
  await Taro.setClipboardData({ data: text });
  return 'copied';
}
