/** WeChat's own sheet lets the user take the ID photo or pick it from the album. */
export const PHOTO_SOURCES: ('album' | 'camera')[] = ['album', 'camera'];
