"""Bounding box utilities (`keras.utils.bounding_boxes`) and the helpers the
image preprocessing layers use to move boxes with their images."""
