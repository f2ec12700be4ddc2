import Taro from '@tarojs/taro';
import samplePhotoPath from '../../../assets/sample-id-photo.png';
import type { ChosenPhoto } from './id-photo';

const SAMPLE_PHOTO_BYTES = 27_000;

/**
 * 填入示例's ID photo on WeChat: `uploadFile` takes only a local file, not one inside the code
 * package, so the bundled drawing is copied to the user data folder first (once; later calls reuse it).
 */
export async function samplePhoto(): Promise<ChosenPhoto> {
  const target = `${Taro.env.USER_DATA_PATH}/sample-id-photo.png`;
  const fs = Taro.getFileSystemManager();
  try {
    fs.accessSync(target);
  } catch {
    fs.copyFileSync(samplePhotoPath as string, target);
  }
  return { path: target, size: SAMPLE_PHOTO_BYTES };
}
