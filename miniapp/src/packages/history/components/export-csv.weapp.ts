import Taro from '@tarojs/taro';
import { parseReply, requestHeaders, transportError } from '../../../api/client';
import { csvUrl, type ExportRange } from './csv-url';

export type { ExportRange } from './csv-url';

/**
 * WeChat: download the CSV with the session header into the user data folder, then open it. WeChat's
 * document viewer reads office files and PDF but not CSV on every device; where it refuses, the file is
 * offered to send to a chat (文件传输助手 is how people move a file to their computer).
 */
export async function exportCsv(range: ExportRange): Promise<void> {
  const { header, token } = requestHeaders(false);
  const filePath = `${Taro.env.USER_DATA_PATH ?? 'wxfile://usr'}/transactions-${range.cardId.slice(0, 8)}.csv`;
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url: csvUrl(range), header, filePath });
  } catch (error) {
    throw transportError(error, range.lang);
  }
  if (result.statusCode < 200 || result.statusCode >= 300) {
    parseReply('listCardTransactions', result.statusCode, null, range.lang, token);
  }
  try {
    await Taro.openDocument({ filePath, showMenu: true } as Taro.openDocument.Option);
  } catch {
    await Taro.shareFileMessage({ filePath, fileName: filePath.split('/').pop() ?? 'transactions.csv' });
  }
}
