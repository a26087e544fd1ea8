/** The drag-and-drop data type of an element type dragged from the palette onto the canvas (its value: the element type). */
export const elementMimeType = 'application/x-parley-element-type';
