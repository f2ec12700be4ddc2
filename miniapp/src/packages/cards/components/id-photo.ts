import Taro from '@tarojs/taro';
import { ID_PHOTO_MAX_BYTES } from '@cbc/shared';
import { PHOTO_SOURCES } from './photo-sources';

export interface ChosenPhoto {
  /** A temporary file path (weapp) or blob URL (h5) that Taro.uploadFile accepts. */
  path: string;
  size: number;
}

export const ID_PHOTO_MAX_MB = ID_PHOTO_MAX_BYTES / (1024 * 1024);

/**
 * One photo of the ID document, compressed by WeChat, from the sources the platform offers
 * (photo-sources.ts). Resolves null when the user cancels.
 */
export async function pickIdPhoto(): Promise<ChosenPhoto | null> {
  try {
    const result = await Taro.chooseImage({
      count: 1,
      sizeType: ['compressed'],
      sourceType: PHOTO_SOURCES,
    });
    const file = result.tempFiles[0];
    const path = file?.path ?? result.tempFilePaths[0];
    if (!path) return null;
    return { path, size: file?.size ?? 0 };
  } catch {
    // "chooseImage:fail cancel" and the like: nothing chosen.
    return null;
  }
}

/** The server refuses more than ID_PHOTO_MAX_BYTES: say so before uploading. */
export function isPhotoTooLarge(photo: ChosenPhoto): boolean {
  return photo.size > ID_PHOTO_MAX_BYTES;
}
