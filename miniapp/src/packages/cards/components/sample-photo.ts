import samplePhotoUrl from '../../../assets/sample-id-photo.png';
import type { ChosenPhoto } from './id-photo';

/** Bytes of the bundled sample image, so the size check treats it like a chosen photo. */
const SAMPLE_PHOTO_BYTES = 27_000;

/**
 * 填入示例's ID photo: a drawing stamped 示例 SAMPLE, bundled with the app. In the browser its URL
 * is what Taro's uploadFile fetches and sends, like a picked file's blob URL.
 */
export async function samplePhoto(): Promise<ChosenPhoto> {
  return { path: samplePhotoUrl as string, size: SAMPLE_PHOTO_BYTES };
}
