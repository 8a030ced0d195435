"""`Model.summary()`: a table of a model's layers, shapes and parameter counts.

The text is the one Keras 3 prints. Keras draws it with the `rich` library;
this module lays out the same characters in plain Python, so summaries can
be compared line by line and keras_core needs no terminal library:

- column widths: Keras turns `positions` (fractions of `line_length`) into
  widths, then rich fits those widths plus one space of padding on each
  side into the table width (`_fit_widths`, the same integer arithmetic);
- cells: words wrap to the column width, a word too long for it ends with
  "…", headers sit at the bottom of their row, data at the top;
- the title and totals wrap at the terminal width and table lines are
  cropped to it, as rich's console does.
"""

import re
import shutil
import unicodedata

from keras_core._src.layers.core.input_layer import InputLayer
from keras_core._src.layers.layer import Layer

_UNITS = ("B", "KB", "MB", "GB", "TB", "PB")
_WORDS = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")
_JUSTIFY = {
    "name": "left",
    "shape": "left",
    "params": "right",
    "connections": "left",
    "trainable": "center",
}


# Counting.


def count_params(weights):
    """Returns the number of scalars in `weights`, each variable counted once.

    Args:
        weights: A list of variables (shared ones may repeat).

    Returns:
        An int.

    Example:

    >>> layer = keras_core.layers.Dense(2)
    >>> layer.build((None, 3))
    >>> count_params(layer.weights)
    8
    """
    return sum(_size(weight) for weight in _unique(weights))


def weight_memory_size(weights):
    """Returns the memory `weights` take, in bytes (each variable once).

    Args:
        weights: A list of variables.

    Returns:
        A number of bytes (a float: `bool` weights take one bit each).

    Example:

    >>> layer = keras_core.layers.Dense(2)
    >>> layer.build((None, 3))
    >>> weight_memory_size(layer.weights)
    32.0
    """
    bits = sum(_size(w) * _dtype_bits(w.dtype) for w in _unique(weights))
    return bits / 8


def readable_memory_size(weight_memory_size):
    """Formats a number of bytes as Keras does: `"1.00 KB"` for 1024.

    Args:
        weight_memory_size: A number of bytes.

    Returns:
        A string with two decimals and a unit from B to PB.

    Example:

    >>> readable_memory_size(3 * 1024 * 1024)
    '3.00 MB'
    """
    size = weight_memory_size
    for unit in _UNITS:
        if size / 1024 < 1:
            return f"{size:.2f} {unit}"
        size /= 1024
    # Keras divides once more past PB before giving up; so do we.
    return f"{size:.2f} {_UNITS[-1]}"


def _unique(weights):
    seen = set()
    unique = []
    for weight in weights:
        if id(weight) not in seen:
            seen.add(id(weight))
            unique.append(weight)
    return unique


def _size(weight):
    size = 1
    for dim in weight.shape:
        size *= int(dim)
    return size


def _dtype_bits(dtype):
    name = str(dtype)
    if name == "bool":
        return 1
    match = re.search(r"\d+", name)
    if match is None:
        raise ValueError(
            f"summary: cannot tell the size of weights of dtype {name!r}. "
            "Expected a numeric dtype such as 'float32' or 'int8'."
        )
    return int(match.group(0))


# The cells of one layer's row.


def format_layer_shape(layer):
    """Returns the text of a layer's output shape, or `"?"` when unknown.

    The shape comes from the layer's last symbolic call; a layer only
    called eagerly shows the shape `compute_output_shape` gives for its
    build shapes, when the layer defines `compute_output_shape`.

    Args:
        layer: A layer (or an op of a functional model).

    Returns:
        A string such as `"(None, 3)"`, or a list of them for several
        outputs (`"[(None, 3), (None, 2)]"`).

    Example:

    >>> inputs = keras_core.Input((4,))
    >>> layer = keras_core.layers.Dense(3)
    >>> _ = layer(inputs)
    >>> format_layer_shape(layer)
    '(None, 3)'
    """
    nodes = getattr(layer, "_inbound_nodes", None)
    if nodes:
        shapes = [_format_shape(tensor.shape) for tensor in nodes[-1].outputs]
    else:
        shapes = _shapes_from_build(layer)
        if shapes is None:
            return "?"
    if len(shapes) == 1:
        return shapes[0]
    return "[" + ", ".join(shapes) + "]"


def _shapes_from_build(layer):
    build_shapes = getattr(layer, "_build_shapes_dict", None)
    if not build_shapes or not isinstance(layer, Layer):
        return None
    if type(layer).compute_output_shape is Layer.compute_output_shape:
        return None
    try:
        output_shape = layer.compute_output_shape(**build_shapes)
    except Exception:  # A shape rule that cannot run: Keras shows "?".
        return None
    return [_format_shape(shape) for shape in _flatten_shapes(output_shape)]


def _flatten_shapes(structure):
    if isinstance(structure, dict):
        structure = list(structure.values())
    if isinstance(structure, (list, tuple)) and all(
        isinstance(dim, int) or dim is None for dim in structure
    ):
        return [tuple(structure)]
    shapes = []
    for item in structure:
        shapes.extend(_flatten_shapes(item))
    return shapes


def _format_shape(shape):
    return "(" + ", ".join(str(dim) for dim in shape) + ")"


def _class_name(operation):
    from keras_core._src.ops.op_definition import OpCall
    from keras_core._src.ops.op_definition import op_location

    if isinstance(operation, OpCall):
        return op_location(operation)[1]
    return type(operation).__name__


def _params_cell(layer):
    if not isinstance(layer, Layer):
        return "0"
    if not layer.built:
        return "0 (unbuilt)"
    return f"{layer.count_params():,}"


def _trainable_cell(layer):
    if not isinstance(layer, Layer) or not layer.weights:
        return "-"
    return "Y" if layer.trainable else "N"


def _connections_cell(layer, model_nodes):
    names = []
    for node in getattr(layer, "_inbound_nodes", ()):
        if id(node) not in model_nodes:
            continue
        for tensor in node.input_tensors:
            history = tensor._keras_history
            names.append(
                f"{history.operation.name}"
                f"[{history.node_index}][{history.tensor_index}]"
            )
    return ", ".join(names) if names else "-"


# The model's structure.


def _model_nodes(model):
    """The nodes of a functional model, its input layers' nodes included."""
    nodes = list(model._nodes)
    for tensor in model.inputs:
        history = tensor._keras_history
        nodes.insert(0, history.operation._inbound_nodes[history.node_index])
    return nodes


def _is_sequential_like(model, nodes):
    """Whether a functional graph is one chain of single-input layer calls."""
    depths = {id(node): 0 for node in nodes}
    for node in reversed(nodes):
        for parent in node.parent_nodes:
            if id(parent) in depths:
                depths[id(parent)] = max(depths[id(parent)], depths[id(node)] + 1)
    per_depth = {}
    for node in nodes:
        per_depth.setdefault(depths[id(node)], []).append(node)
    for level in per_depth.values():
        if len(level) > 1 or len(level[0].input_tensors) > 1:
            return False
    owners = set()
    for node in nodes:
        if id(node.operation) in owners:
            return False  # A layer called twice: a shared layer.
        owners.add(id(node.operation))
    return True


def _describe_model(model):
    """`(rows, sequential_like, model_node_ids)` for the model's table."""
    from keras_core._src.models.functional import Functional
    from keras_core._src.models.sequential import Sequential

    if isinstance(model, Functional) and not isinstance(model, Sequential):
        nodes = _model_nodes(model)
        sequential_like = _is_sequential_like(model, nodes)
        return model.operations, sequential_like, {id(node) for node in nodes}
    return model.layers, True, set()


def _layer_range_bounds(layers, layer_range):
    if len(layer_range) != 2:
        raise ValueError(
            "layer_range must be a list or tuple of length 2. Received: "
            f"layer_range = {layer_range} of length {len(layer_range)}"
        )
    lower = [
        i for i, layer in enumerate(layers) if re.match(layer_range[0], layer.name)
    ]
    upper = [
        i for i, layer in enumerate(layers) if re.match(layer_range[1], layer.name)
    ]
    if not lower or not upper:
        raise ValueError(
            "Passed layer_names do not match the layer names in the model. "
            f"Received: {layer_range}"
        )
    if min(lower) > max(upper):
        return min(upper), max(lower) + 1
    return min(lower), max(upper) + 1


# Text layout, as rich lays it out.


def _char_cells(character):
    if unicodedata.combining(character):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def _cell_len(text):
    return sum(_char_cells(character) for character in text)


def _crop(text, width):
    """`text` cut to at most `width` terminal cells."""
    used = 0
    for index, character in enumerate(text):
        used += _char_cells(character)
        if used > width:
            return text[:index]
    return text


def _chop(word, width):
    chunks = [""]
    used = 0
    for character in word:
        cells = _char_cells(character)
        if used + cells > width:
            chunks.append(character)
            used = cells
        else:
            chunks[-1] += character
            used += cells
    return chunks


def _break_positions(text, width, fold):
    """Where `text` wraps at `width`: greedy, word by word."""
    breaks = []
    offset = 0
    for match in _WORDS.finditer(text):
        start, word = match.start(), match.group(0)
        word_length = _cell_len(word.rstrip())
        if width - offset >= word_length:
            offset += _cell_len(word)
        elif word_length > width:
            if fold:
                chunks = _chop(word, width)
                for index, chunk in enumerate(chunks):
                    if start:
                        breaks.append(start)
                    if index == len(chunks) - 1:
                        offset = _cell_len(chunk)
                    else:
                        start += len(chunk)
            else:
                if start:
                    breaks.append(start)
                offset = _cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = _cell_len(word)
    return breaks


def _truncate(text, width, overflow, pad=False):
    length = _cell_len(text)
    if length > width:
        if overflow == "ellipsis":
            text = _crop(text, width - 1) + "…"
        else:
            text = _crop(text, width)
    if pad and length < width:
        text += " " * (width - length)
    return text


def _justify(line, width, justify, overflow):
    if justify == "left":
        return _truncate(line, width, overflow, pad=True)
    if justify is None:
        return _truncate(line, width, overflow)
    line = _truncate(line.rstrip(), width, overflow)
    space = width - _cell_len(line)
    if justify == "right":
        return " " * space + line
    return " " * (space // 2) + line + " " * (space - space // 2)


def _wrap(text, width, justify=None, overflow="fold"):
    """The lines of `text` wrapped to `width` cells.

    Args:
        text: The text (newlines start new lines).
        width: The width in terminal cells.
        justify: None (no padding), "left", "right" or "center".
        overflow: "fold" splits words longer than `width`; "ellipsis" cuts
            them with "…".
    """
    lines = []
    for paragraph in text.split("\n"):
        breaks = _break_positions(paragraph, width, fold=overflow == "fold")
        bounds = zip([0, *breaks], [*breaks, len(paragraph)], strict=True)
        for begin, end in bounds:
            line = paragraph[begin:end]
            excess = _cell_len(line) - width
            trailing = _TRAILING_SPACE.search(line)
            if excess > 0 and trailing:
                line = line[: len(line) - min(len(trailing.group(0)), excess)]
            lines.append(_justify(line, width, justify, overflow))
    return lines


def _column_widths(line_length, positions):
    """Keras's widths: each column ends at `int(position * line_length)`."""
    widths = []
    current = 0
    for position in positions:
        end = int(position * line_length)
        widths.append(end - current)
        current = end
    return widths


def _ratio_reduce(total, maximums, values):
    ratios = [1 if maximum else 0 for maximum in maximums]
    total_ratio = sum(ratios)
    if not total_ratio:
        return list(values)
    remaining = total
    reduced = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(maximum, round(ratio * remaining / total_ratio))
            reduced.append(value - taken)
            remaining -= taken
            total_ratio -= ratio
        else:
            reduced.append(value)
    return reduced


def _ratio_distribute(total, ratios):
    total_ratio = sum(ratios)
    remaining = total
    shares = []
    for ratio in ratios:
        share = -(-ratio * remaining // total_ratio) if total_ratio > 0 else remaining
        shares.append(share)
        total_ratio -= ratio
        remaining -= share
    return shares


def _fit_widths(widths, line_length):
    """Cell widths (padding included) filling a table `line_length` wide."""
    available = line_length - (len(widths) + 1)
    cells = [min(width + 2, available) for width in widths]
    total = sum(cells)
    if total > available:
        cells = _ratio_reduce(total - available, cells, cells)
    elif total < available:
        extra = _ratio_distribute(available - total, cells)
        cells = [cell + share for cell, share in zip(cells, extra, strict=True)]
    return cells


def _cell_lines(text, width, justify):
    if width < 3:
        return [" " * width]
    return [f" {line} " for line in _wrap(text, width - 2, justify, "ellipsis")]


def _row_lines(cells, widths, justifies, edge, bottom_aligned):
    columns = [
        _cell_lines(text, width, justify)
        for text, width, justify in zip(cells, widths, justifies, strict=True)
    ]
    height = max(len(lines) for lines in columns)
    for lines, width in zip(columns, widths, strict=True):
        blank = [" " * width] * (height - len(lines))
        lines[:] = blank + lines if bottom_aligned else lines + blank
    return [edge + edge.join(row) + edge for row in zip(*columns, strict=True)]


def _rule(widths, left, middle, right, fill):
    return left + middle.join(fill * width for width in widths) + right


def _render_table(headers, justifies, rows, widths):
    lines = [_rule(widths, "┏", "┳", "┓", "━")]
    lines += _row_lines(headers, widths, justifies, "┃", bottom_aligned=True)
    lines.append(_rule(widths, "┡", "╇", "┩", "━"))
    for index, row in enumerate(rows):
        if index:
            lines.append(_rule(widths, "├", "┼", "┤", "─"))
        lines += _row_lines(row, widths, justifies, "│", bottom_aligned=False)
    lines.append(_rule(widths, "└", "┴", "┘", "─"))
    return lines


# The summary.


def _totals_lines(model):
    trainable = model.trainable_weights
    non_trainable = model.non_trainable_weights
    counts = [count_params(trainable), count_params(non_trainable)]
    sizes = [weight_memory_size(trainable), weight_memory_size(non_trainable)]
    optimizer = getattr(model, "optimizer", None)
    optimizer_variables = None
    if optimizer is not None and getattr(optimizer, "built", False):
        optimizer_variables = optimizer.variables
        counts.append(count_params(optimizer_variables))
        sizes.append(weight_memory_size(optimizer_variables))
    lines = [
        f" Total params: {sum(counts):,} ({readable_memory_size(sum(sizes))})",
        f" Trainable params: {counts[0]:,} ({readable_memory_size(sizes[0])})",
        f" Non-trainable params: {counts[1]:,} ({readable_memory_size(sizes[1])})",
    ]
    if optimizer_variables is not None:
        lines.append(
            f" Optimizer params: {counts[2]:,} ({readable_memory_size(sizes[2])})"
        )
    return lines


def _layer_rows(layer, level, columns, model_nodes, expand_nested):
    from keras_core._src.models.model import Model

    prefix = "   " * level + "└ " if level else ""
    cells = {
        "name": f"{prefix}{layer.name} ({_class_name(layer)})",
        "shape": format_layer_shape(layer),
        "params": _params_cell(layer),
        "connections": "-"
        if isinstance(layer, InputLayer)
        else _connections_cell(layer, model_nodes),
        "trainable": _trainable_cell(layer),
    }
    rows = [[cells[column] for column in columns]]
    if expand_nested and isinstance(layer, Model):
        for sublayer in layer.layers:
            rows += _layer_rows(sublayer, level + 1, columns, model_nodes, True)
    return rows


def summary_text(
    model,
    line_length=None,
    positions=None,
    expand_nested=False,
    show_trainable=False,
    layer_range=None,
    console_width=None,
):
    """Returns the summary `print_summary` prints, as one string.

    Args:
        model: A `keras_core.Model`.
        line_length: The table width; by default 88 (108 with a "Connected
            to" column, 12 more with `show_trainable`), at most the
            terminal width less 4.
        positions: Where each column ends, as fractions of `line_length`.
        expand_nested: Whether to list the layers of nested models.
        show_trainable: Whether to add a "Trainable" column.
        layer_range: Two layer names (or regular expressions) bounding the
            top-level rows shown, both included.
        console_width: The terminal width that long lines wrap or are
            cropped at; the terminal's own by default.

    Returns:
        The text, ending with a newline.

    Example:

    >>> model = keras_core.Sequential([keras_core.Input((3,)),
    ...                                keras_core.layers.Dense(2)])
    >>> print(summary_text(model).splitlines()[0])
    Model: "sequential"
    """
    if console_width is None:
        console_width = shutil.get_terminal_size().columns
    layers, sequential_like, model_nodes = _describe_model(model)
    if sequential_like:
        default_length = 88
        default_positions = [0.45, 0.80, 1.0]
        headers = ["Layer (type)", "Output Shape", "Param #"]
        columns = ["name", "shape", "params"]
    else:
        default_length = 108
        default_positions = [0.3, 0.56, 0.74, 1.0]
        headers = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
        columns = ["name", "shape", "params", "connections"]
    positions = list(positions or default_positions)
    if len(positions) != len(headers):
        raise ValueError(
            f"summary: `positions` must give the end of each of the "
            f"{len(headers)} columns {headers}. Received: positions={positions}"
        )
    if show_trainable:
        default_length += 12
        positions = [position * 0.9 for position in positions] + [1.0]
        headers.append("Trainable")
        columns.append("trainable")
    justifies = [_JUSTIFY[column] for column in columns]
    line_length = line_length or min(default_length, console_width - 4)
    widths = _column_widths(line_length, positions)
    if any(width < 4 for width in widths):
        raise ValueError("Insufficient console width to print summary.")

    start, end = 0, len(layers)
    if layer_range is not None:
        start, end = _layer_range_bounds(layers, layer_range)
    rows = []
    for layer in layers[start:end]:
        rows += _layer_rows(layer, 0, columns, model_nodes, expand_nested)

    table = _render_table(headers, justifies, rows, _fit_widths(widths, line_length))
    lines = _wrap(f'Model: "{model.name}"', console_width)
    lines += [_crop(line, console_width) for line in table]
    for line in _totals_lines(model):
        lines += _wrap(line, console_width)
    return "\n".join(lines) + "\n"


def print_summary(
    model,
    line_length=None,
    positions=None,
    print_fn=None,
    expand_nested=False,
    show_trainable=False,
    layer_range=None,
):
    """Prints a summary of a model: its layers, their shapes and parameters.

    This is `Model.summary()`. The table lists each layer with its output
    shape and parameter count (a "Connected to" column is added for
    functional models that are not a plain chain), then the totals.

    Args:
        model: A `keras_core.Model`.
        line_length: The table width in characters.
        positions: Where each column ends, as fractions of `line_length`.
        print_fn: Called once with the whole text; `print` by default.
        expand_nested: Whether to list the layers of nested models.
        show_trainable: Whether to add a "Trainable" column.
        layer_range: Two layer names (or regular expressions) bounding the
            top-level rows shown, both included.

    Example:

    >>> model = keras_core.Sequential([keras_core.Input((3,)),
    ...                                keras_core.layers.Dense(2)])
    >>> model.summary(print_fn=lambda text: None)
    """
    text = summary_text(
        model,
        line_length=line_length,
        positions=positions,
        expand_nested=expand_nested,
        show_trainable=show_trainable,
        layer_range=layer_range,
    )
    if print_fn is None:
        print(text, end="")
    else:
        print_fn(text)
