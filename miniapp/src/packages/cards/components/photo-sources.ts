/**
 * Where the ID photo may come from in the browser: the album only. With two sources Taro's h5 shows
 * its own Chinese-only camera/album sheet first, while the browser's file picker already offers the
 * camera on phones. WeChat offers both (photo-sources.weapp.ts).
 */
export const PHOTO_SOURCES: ('album' | 'camera')[] = ['album'];
