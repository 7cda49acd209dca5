import type { Translation } from '../define';
import type { photoEn } from './photo.en';

export const photoFr: Translation<typeof photoEn> = {
  'photo.requirements':
    'JPEG ou PNG, 4 Mo au maximum, de 715 × 1 000 à 2 000 × 2 800 pixels, en format portrait (environ 5 : 7, par exemple 1 000 × 1 400 pixels).',
  'photo.rejected.title': 'Nous ne pouvons pas utiliser cette photo',
  'photo.rejected.not_an_image': 'Ce fichier n’est pas une photo. Veuillez choisir une image JPEG ou PNG.',
  'photo.rejected.unsupported_format':
    'Ce format d’image n’est pas accepté. Veuillez enregistrer votre photo en JPEG ou en PNG, puis la téléverser de nouveau. Certains téléphones prennent les photos en format HEIC : exportez-les d’abord en JPEG.',
  'photo.rejected.too_large':
    'Ce fichier dépasse 4 Mo. Veuillez téléverser une version plus légère de votre photo; de 715 × 1 000 à 2 000 × 2 800 pixels, c’est suffisant.',
  'photo.rejected.too_small_dimensions':
    'Cette photo est trop petite. Elle doit mesurer au moins 715 pixels de largeur et 1 000 pixels de hauteur.',
  'photo.rejected.too_large_dimensions':
    'Cette photo est trop grande. Elle doit mesurer au plus 2 000 pixels de largeur et 2 800 pixels de hauteur. Redimensionnez-la, puis réessayez.',
  'photo.rejected.wrong_aspect_ratio':
    'Cette photo n’a pas les bonnes proportions. Elle doit être en format portrait (plus haute que large), avec un rapport largeur-hauteur d’environ 5 : 7, par exemple 1 000 × 1 400 pixels. Recadrez-la, puis réessayez.',
  'photo.rejected.corrupt':
    'Nous n’avons pas pu lire cette photo : le fichier est endommagé ou incomplet. Veuillez la reprendre ou l’exporter de nouveau, puis la téléverser.',
  'photo.advice.title': 'Conseils pour améliorer votre photo',
  'photo.advice.note':
    'Ce ne sont que des conseils : vous pouvez tout de même envoyer cette photo. Un agent d’immigration vérifiera qu’elle respecte les exigences relatives aux photos de la carte RP.',
  'photo.advice.background_too_dark': 'L’arrière-plan semble sombre. Placez-vous devant un mur blanc ou de couleur claire.',
  'photo.advice.background_not_uniform':
    'L’arrière-plan ne semble pas uni. Placez-vous devant un mur uni, sans objets, motifs ni ombres derrière vous.',
  'photo.advice.underexposed':
    'La photo semble trop sombre. Placez-vous face à une fenêtre ou ajoutez de la lumière, pour que votre visage soit éclairé uniformément.',
  'photo.advice.overexposed':
    'La photo semble trop claire, et des détails de votre visage pourraient être perdus. Évitez la lumière directe du soleil et les reflets du flash.',
  'photo.advice.blurry':
    'La photo semble floue. Tenez l’appareil immobile ou utilisez le retardateur, laissez-le faire la mise au point sur votre visage, puis reprenez la photo.',
  'photo.rejected.not_now': 'Une photo ne peut être envoyée que lorsque la conversation la demande.',
  'photo.rejected.fixer_too_large':
    'Ce fichier dépasse 30 Mo, le maximum que cette page peut ouvrir. Veuillez choisir une copie plus légère de votre photo, par exemple une copie envoyée de votre téléphone en taille réduite.',
  'photo.rejected.fixer_too_many_pixels':
    'Cette image compte plus de 60 mégapixels, le maximum que cette page peut ouvrir. Veuillez choisir une copie plus petite de votre photo.',
};
